//! Calculated metrics: `ads.spend / (web.conversions + local.calls)`, evaluated on the
//! period's aggregated values of the metrics it names (never per day, then averaged).
//!
//! The grammar is arithmetic only: numbers, metric ids (`channel.name`), `+ - * /`, unary
//! minus and parentheses, with the usual precedence.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A parsed formula, kept with its text (which is what serializes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Formula {
    text: String,
    expr: Expr,
}

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    Number(f64),
    Metric(String),
    Neg(Box<Expr>),
    Binary(Box<Expr>, Op, Box<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Formula {
    pub fn parse(text: &str) -> Result<Formula, String> {
        let mut p = Parser { text, pos: 0 };
        let expr = p.sum()?;
        p.skip_space();
        if p.pos < text.len() {
            return Err(p.error("an operator (+ - * /) or the end"));
        }
        if expr.divides_by_literal_zero() {
            return Err(format!("formula {text:?} divides by zero"));
        }
        Ok(Formula {
            text: text.to_string(),
            expr,
        })
    }

    /// The metric ids the formula names, each once, in order of appearance.
    pub fn metrics(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.expr.metrics(&mut out);
        out
    }

    /// Whether the formula only adds and subtracts metrics (scaled by numbers) that are all
    /// `additive`: then it is itself a sum of daily values (leads = form fills + calls).
    pub fn is_sum(&self, additive: &dyn Fn(&str) -> bool) -> bool {
        self.expr.is_sum(additive)
    }

    /// The formula's value, with `value` giving each metric's; `None` when a metric has no
    /// value or a division is by zero.
    pub fn eval(&self, value: &mut dyn FnMut(&str) -> Option<f64>) -> Option<f64> {
        self.expr.eval(value)
    }
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl TryFrom<String> for Formula {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        Formula::parse(&text)
    }
}

impl From<Formula> for String {
    fn from(f: Formula) -> String {
        f.text
    }
}

impl Expr {
    fn metrics<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Number(_) => {}
            Expr::Metric(id) => {
                if !out.contains(&id.as_str()) {
                    out.push(id);
                }
            }
            Expr::Neg(e) => e.metrics(out),
            Expr::Binary(a, _, b) => {
                a.metrics(out);
                b.metrics(out);
            }
        }
    }

    fn eval(&self, value: &mut dyn FnMut(&str) -> Option<f64>) -> Option<f64> {
        Some(match self {
            Expr::Number(n) => *n,
            Expr::Metric(id) => value(id)?,
            Expr::Neg(e) => -e.eval(value)?,
            Expr::Binary(a, op, b) => {
                let (a, b) = (a.eval(value)?, b.eval(value)?);
                match op {
                    Op::Add => a + b,
                    Op::Sub => a - b,
                    Op::Mul => a * b,
                    Op::Div if b == 0.0 => return None,
                    Op::Div => a / b,
                }
            }
        })
    }

    fn is_sum(&self, additive: &dyn Fn(&str) -> bool) -> bool {
        let constant = |e: &Expr| e.metrics_empty();
        match self {
            Expr::Number(_) => true,
            Expr::Metric(id) => additive(id),
            Expr::Neg(e) => e.is_sum(additive),
            Expr::Binary(a, Op::Add | Op::Sub, b) => a.is_sum(additive) && b.is_sum(additive),
            Expr::Binary(a, Op::Mul, b) => {
                (constant(a) && b.is_sum(additive)) || (constant(b) && a.is_sum(additive))
            }
            Expr::Binary(a, Op::Div, b) => constant(b) && a.is_sum(additive),
        }
    }

    fn metrics_empty(&self) -> bool {
        let mut out = Vec::new();
        self.metrics(&mut out);
        out.is_empty()
    }

    fn divides_by_literal_zero(&self) -> bool {
        match self {
            Expr::Number(_) | Expr::Metric(_) => false,
            Expr::Neg(e) => e.divides_by_literal_zero(),
            Expr::Binary(a, op, b) => {
                (*op == Op::Div && b.eval(&mut |_| None) == Some(0.0))
                    || a.divides_by_literal_zero()
                    || b.divides_by_literal_zero()
            }
        }
    }
}

/// A recursive-descent parser over the formula's text.
struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn skip_space(&mut self) {
        let rest = &self.text[self.pos..];
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn peek(&mut self) -> Option<char> {
        self.skip_space();
        self.text[self.pos..].chars().next()
    }

    fn error(&self, expected: &str) -> String {
        match self.text[self.pos..].chars().next() {
            Some(c) => format!(
                "formula {:?}: expected {expected} at character {}, found {c:?}",
                self.text,
                self.text[..self.pos].chars().count() + 1
            ),
            None => format!(
                "formula {:?}: expected {expected}, found the end",
                self.text
            ),
        }
    }

    /// sum := product (('+' | '-') product)*
    fn sum(&mut self) -> Result<Expr, String> {
        let mut left = self.product()?;
        while let Some(op @ ('+' | '-')) = self.peek() {
            self.pos += 1;
            let right = self.product()?;
            let op = if op == '+' { Op::Add } else { Op::Sub };
            left = Expr::Binary(Box::new(left), op, Box::new(right));
        }
        Ok(left)
    }

    /// product := unary (('*' | '/') unary)*
    fn product(&mut self) -> Result<Expr, String> {
        let mut left = self.unary()?;
        while let Some(op @ ('*' | '/')) = self.peek() {
            self.pos += 1;
            let right = self.unary()?;
            let op = if op == '*' { Op::Mul } else { Op::Div };
            left = Expr::Binary(Box::new(left), op, Box::new(right));
        }
        Ok(left)
    }

    /// unary := '-' unary | '(' sum ')' | number | metric id
    fn unary(&mut self) -> Result<Expr, String> {
        match self.peek() {
            Some('-') => {
                self.pos += 1;
                Ok(Expr::Neg(Box::new(self.unary()?)))
            }
            Some('(') => {
                self.pos += 1;
                let inner = self.sum()?;
                if self.peek() != Some(')') {
                    return Err(self.error("\")\""));
                }
                self.pos += 1;
                Ok(inner)
            }
            Some(c) if c.is_ascii_digit() || c == '.' => {
                let len = self.text[self.pos..]
                    .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                    .unwrap_or(self.text.len() - self.pos);
                let number = &self.text[self.pos..self.pos + len];
                let value = number
                    .parse::<f64>()
                    .map_err(|_| self.error("a number such as 2 or 0.5"))?;
                self.pos += len;
                Ok(Expr::Number(value))
            }
            Some(c) if c.is_ascii_lowercase() => {
                let len = self.text[self.pos..]
                    .find(|c: char| {
                        !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.')
                    })
                    .unwrap_or(self.text.len() - self.pos);
                let id = &self.text[self.pos..self.pos + len];
                if id.split('.').count() != 2 || id.split('.').any(str::is_empty) {
                    return Err(self.error("a metric id such as ads.spend"));
                }
                self.pos += len;
                Ok(Expr::Metric(id.to_string()))
            }
            _ => Err(self.error("a metric id such as ads.spend, a number or \"(\"")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(text: &str, values: &[(&str, f64)]) -> Option<f64> {
        Formula::parse(text)
            .unwrap()
            .eval(&mut |id| values.iter().find(|(k, _)| *k == id).map(|(_, v)| *v))
    }

    #[test]
    fn precedence_parentheses_and_unary_minus() {
        let v = [
            ("ads.spend", 600.0),
            ("web.conversions", 20.0),
            ("local.calls", 10.0),
        ];
        assert_eq!(
            eval("ads.spend / (web.conversions + local.calls)", &v),
            Some(20.0)
        );
        assert_eq!(
            eval("ads.spend / web.conversions + local.calls", &v),
            Some(40.0)
        );
        assert_eq!(eval("-web.conversions * 2 - -1", &v), Some(-39.0));
        let f = Formula::parse("ads.spend/(web.conversions+ads.spend)").unwrap();
        assert_eq!(f.metrics(), vec!["ads.spend", "web.conversions"]);
    }

    #[test]
    fn sums_of_additive_metrics_are_sums() {
        let additive = |id: &str| id != "ads.cpa";
        let sum = |t: &str| Formula::parse(t).unwrap().is_sum(&additive);
        assert!(sum("web.conversions + local.calls"));
        assert!(sum("(web.conversions - local.calls) * 2 / 3"));
        assert!(!sum("ads.spend / web.conversions"));
        assert!(!sum("ads.cpa + 1"));
    }

    #[test]
    fn no_value_for_a_missing_metric_or_a_division_by_zero() {
        let v = [("ads.spend", 600.0), ("web.conversions", 0.0)];
        assert_eq!(eval("ads.spend / web.conversions", &v), None);
        assert_eq!(eval("ads.spend / local.calls", &v), None);
    }

    #[test]
    fn bad_formulas_say_where_and_what_was_expected() {
        for (text, expected) in [
            (
                "ads.spend / ",
                "expected a metric id such as ads.spend, a number or \"(\", found the end",
            ),
            (
                "ads.spend ^ 2",
                "expected an operator (+ - * /) or the end at character 11, found '^'",
            ),
            ("(ads.spend", "expected \")\", found the end"),
            (
                "spend * 2",
                "expected a metric id such as ads.spend at character 1",
            ),
            ("ads.spend / (1 - 1)", "divides by zero"),
            ("1.2.3", "expected a number such as 2 or 0.5"),
        ] {
            let err = Formula::parse(text).unwrap_err();
            assert!(err.contains(expected), "{text}: {err}");
        }
    }
}
