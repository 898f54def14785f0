"""Entry point of the PyInstaller bundle: the same `kiosk` command as the installed package."""

from kiosk.main import main

if __name__ == "__main__":
    main()
