"""Client review links: signed, expiring, revocable links that show a client one brand's
posts of a date range, and the client's decisions, which may be required before a post leaves.

tokens (pure), gate (pure: what the history says about client approval), keys and links
(the signing key and the link records in the data dir), release (may this item leave?),
service (create, list, revoke, open, decide).
"""
