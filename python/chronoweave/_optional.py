"""Optional dependencies (the ``notebook`` extra), imported on first use so that chronoweave itself needs none."""

from __future__ import annotations

import importlib
from types import ModuleType


def require(module: str, feature: str) -> ModuleType:
    """Import `module` for `feature`, or say how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        package = module.partition(".")[0]
        raise ImportError(
            f"{feature} needs {package}, which chronoweave does not install by default: "
            f"pip install 'chronoweave[notebook]' (or pip install {package})"
        ) from error
