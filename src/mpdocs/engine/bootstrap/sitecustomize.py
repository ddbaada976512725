# Put first on PYTHONPATH of every program the engine runs (and of their
# spawned children): applies the start method chosen for this run.
import os

from mpdocs.engine.startmethod import ENVIRONMENT_VARIABLE, set_default

if os.environ.get(ENVIRONMENT_VARIABLE):
    set_default(os.environ[ENVIRONMENT_VARIABLE])
