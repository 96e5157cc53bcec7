//! One item at a time from a producer thread to a consumer thread: a batch worker hands each
//! rendered report to its finisher and computes the next while that one is written.

use std::sync::{Condvar, Mutex, MutexGuard};

/// A slot for one item. [`Handoff::give`] returns once the consumer has taken the item, so
/// the producer is at most one item ahead; both sides sleep while they wait.
pub struct Handoff<T> {
    state: Mutex<State<T>>,
    changed: Condvar,
}

struct State<T> {
    item: Option<T>,
    open: bool,
}

impl<T> Default for Handoff<T> {
    fn default() -> Self {
        Handoff {
            state: Mutex::new(State {
                item: None,
                open: true,
            }),
            changed: Condvar::new(),
        }
    }
}

impl<T> Handoff<T> {
    fn lock(&self) -> MutexGuard<'_, State<T>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wait<'g>(&self, guard: MutexGuard<'g, State<T>>) -> MutexGuard<'g, State<T>> {
        self.changed.wait(guard).unwrap_or_else(|e| e.into_inner())
    }

    /// Passes `item` to the consumer and waits until it is taken; gives it back when the
    /// handoff is closed (the consumer is gone) before it was.
    pub fn give(&self, item: T) -> Result<(), T> {
        let mut state = self.lock();
        while state.open && state.item.is_some() {
            state = self.wait(state);
        }
        if !state.open {
            return Err(item);
        }
        state.item = Some(item);
        self.changed.notify_all();
        while state.open && state.item.is_some() {
            state = self.wait(state);
        }
        match state.item.take() {
            Some(item) => Err(item),
            None => Ok(()),
        }
    }

    /// The next item, waiting for it; `None` once the handoff is closed.
    pub fn take(&self) -> Option<T> {
        let mut state = self.lock();
        loop {
            if !state.open {
                return None;
            }
            if let Some(item) = state.item.take() {
                self.changed.notify_all();
                return Some(item);
            }
            state = self.wait(state);
        }
    }

    /// No more items: `take` returns `None`, `give` gives back what it has not handed over.
    pub fn close(&self) {
        self.lock().open = false;
        self.changed.notify_all();
    }

    /// Closes the handoff when dropped: a consumer holds it, so a consumer that stops (even
    /// by a panic) never leaves a producer waiting.
    pub fn closes(&self) -> Closes<'_, T> {
        Closes(self)
    }
}

pub struct Closes<'h, T>(&'h Handoff<T>);

impl<T> Drop for Closes<'_, T> {
    fn drop(&mut self) {
        self.0.close();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_arrives_once_in_order_and_the_producer_stays_one_ahead() {
        let handoff = Handoff::default();
        let taken = std::sync::atomic::AtomicUsize::new(0);
        let got = std::thread::scope(|s| {
            let consumer = s.spawn(|| {
                let _closes = handoff.closes();
                let mut got = Vec::new();
                while let Some(i) = handoff.take() {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                    taken.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    got.push(i);
                }
                got
            });
            for i in 0..50 {
                // Given only once the one before was taken (and so almost processed).
                assert!(taken.load(std::sync::atomic::Ordering::SeqCst) + 2 >= i);
                handoff.give(i).unwrap();
            }
            handoff.close();
            consumer.join().unwrap()
        });
        assert_eq!(got, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn a_consumer_that_stops_gives_the_items_back() {
        let handoff = Handoff::default();
        std::thread::scope(|s| {
            let consumer = s.spawn(|| {
                let _closes = handoff.closes();
                let first = handoff.take();
                panic!("consumer stops after {first:?}");
            });
            assert_eq!(handoff.give(1), Ok(()));
            // Either waits for the consumer's end or finds the handoff closed: never hangs.
            assert_eq!(handoff.give(2), Err(2));
            assert_eq!(handoff.give(3), Err(3));
            assert!(consumer.join().is_err());
        });
    }
}
