import sys

from kiosk.sandbox.cli import main

sys.exit(main())
