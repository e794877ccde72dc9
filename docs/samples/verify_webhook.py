"""Verify a World Smart City Community webhook in Python, from the Standard Webhooks 1.0 spec alone:
HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{raw body}", keyed with the base64-decoded secret
after "whsec_", compared in constant time with each "v1," signature, timestamp within five minutes."""
import base64
import hashlib
import hmac
import json
import time

TOLERANCE_SECONDS = 5 * 60


def verify(body: bytes, headers: dict, secret: str) -> dict:
    """Returns the event, or raises ValueError when the webhook cannot be trusted (answer 400)."""
    headers = {name.lower(): value for name, value in headers.items()}
    message_id = headers.get("webhook-id", "")
    timestamp = headers.get("webhook-timestamp", "")
    signatures = headers.get("webhook-signature", "").split()
    if not message_id or not timestamp.isdigit() or not signatures:
        raise ValueError("missing webhook headers")
    if abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        raise ValueError("timestamp outside the tolerance")
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = message_id.encode() + b"." + timestamp.encode() + b"." + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    for candidate in signatures:
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return json.loads(body)
    raise ValueError("no valid signature")


if __name__ == "__main__":
    # python3 verify_webhook.py < body.json, with the headers and secret in the environment.
    import os
    import sys

    event = verify(
        sys.stdin.buffer.read(),
        {name: os.environ.get(name.upper().replace("-", "_"), "") for name in ("webhook-id", "webhook-timestamp", "webhook-signature")},
        os.environ["WSC_WEBHOOK_SECRET"],
    )
    print(event["type"], event["id"])
