import sys

from saylau.cli import main

sys.exit(main())
