"""Entry point of the PyInstaller bundle: the same `kiosk` command as the installed package."""

from kiosk.cli.commands import main

if __name__ == "__main__":
    main()
