"""Child processes that end with their parent: a SIGKILLed kg leaves no worker behind."""

from __future__ import annotations

import os
import threading
import time

POLL = 0.5  # seconds between looks at the parent


def die_with_parent() -> None:
    """In a child process, exit at once when the parent that started it is gone (even SIGKILLed).

    A daemon thread watches the parent's pid: when the child is re-parented, the parent has died.
    (prctl's PDEATHSIG would fire when the *thread* that started the child ends, which a server's
    request threads do all the time.)
    """
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(POLL)
        os._exit(1)

    threading.Thread(target=watch, name="kg-lifeline", daemon=True).start()
