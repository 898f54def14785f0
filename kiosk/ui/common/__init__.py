"""What every screen uses: theme, fonts, translations, sounds, background tasks, PIN dialog."""
