"""An ILLUSTRATIVE 20-year series grown from E/RES/2013/9, with its true lineage (see ``generate``).

Only E/RES/2013/9 is official; every other text is generated and marked （示意性文本）.
"""

from .generate import MARK, Event, Truth, Year, file_name, generate, operative_count, write_series

__all__ = ["MARK", "Event", "Truth", "Year", "file_name", "generate", "operative_count", "write_series"]
