# Put first on PYTHONPATH of every program the engine runs (and of their
# spawned children): applies the start method chosen for this run.
import os

if os.environ.get("MPDOCS_START_METHOD"):
    from mpdocs.engine.startmethod import set_default

    set_default(os.environ["MPDOCS_START_METHOD"])
