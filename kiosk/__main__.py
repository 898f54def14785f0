"""`python -m kiosk` is the `kiosk` command."""

from kiosk.main import main

main()
