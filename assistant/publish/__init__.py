"""Direct publishing: one provider per network behind one small interface, and the worker.

    base.py        the interface every provider implements (pure: no I/O)
    (next)         credentials (encrypted at rest), mastodon, bluesky, linkedin, webhook,
                   the worker that claims due approved items and publishes each exactly once
"""
