"""Parses a message with Python's standard MIME parser and prints what the tests check, as JSON.

    python3 parse_eml.py FILE.eml
"""

import email
import hashlib
import json
import sys
from email import policy

raw = open(sys.argv[1], "rb").read()
m = email.message_from_bytes(raw, policy=policy.default)
attachments = []
for part in m.walk():
    if part.get_filename():
        payload = part.get_payload(decode=True)
        attachments.append({
            "filename": part.get_filename(),
            "content_type": part.get_content_type(),
            "sha256": hashlib.sha256(payload).hexdigest(),
        })
plain = m.get_body(preferencelist=("plain",))
html = m.get_body(preferencelist=("html",))
defects = [str(d) for part in m.walk() for d in part.defects] + [str(d) for d in m.defects]
print(json.dumps({
    "subject": str(m["Subject"]),
    "from": str(m["From"]),
    "reply_to": str(m["Reply-To"]),
    "to": str(m["To"]),
    "cc": str(m["Cc"]) if m["Cc"] else None,
    "bcc": str(m["Bcc"]) if m["Bcc"] else None,
    "message_id": str(m["Message-ID"]),
    "content_type": m.get_content_type(),
    "headers": list(m.keys()),
    "attachments": attachments,
    "text": plain.get_content() if plain else None,
    "html": html.get_content() if html else None,
    "defects": defects,
}, ensure_ascii=False))
