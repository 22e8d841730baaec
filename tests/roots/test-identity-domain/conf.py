# A tiny project that loads the handbook's extension without the generated pages (fast to build).
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "docs" / "_ext"))
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

extensions = ["myst_parser", "handbook"]
identity_pages = False
exclude_patterns = ["_build"]
