import sys

from hegang_atlas.cli import main

sys.exit(main())
