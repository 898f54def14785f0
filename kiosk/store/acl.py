"""Windows: the data dir readable by its user alone, with an access-control list.

On Windows the permission bits of os.chmod mean nothing (only "read-only"); what keeps other
accounts of the PC out of young people's names is the folder's DACL. `make_private` replaces it
by a protected one (no inheritance from %LOCALAPPDATA% or wherever it lives) granting full
control to this user and to the system only, inherited by every file and folder created in it
(database, WAL, backups, logs). Windows only: elsewhere POSIX modes do the job.
"""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path

# Defined on Windows only (ctypes.WinDLL exists only there).
if sys.platform == "win32":
    SE_FILE_OBJECT = 1
    DACL_SECURITY_INFORMATION = 0x4
    PROTECTED_DACL_SECURITY_INFORMATION = 0x80000000
    TOKEN_QUERY = 0x8
    TOKEN_USER = 1
    SDDL_REVISION_1 = 1
    SYSTEM_SID = "S-1-5-18"

    def current_user_sid() -> str:
        """The SID of the account this process runs as, e.g. S-1-5-21-…-1001."""
        from ctypes import wintypes

        advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        token = wintypes.HANDLE()
        kernel32.GetCurrentProcess.restype = wintypes.HANDLE
        advapi32.OpenProcessToken.argtypes = [
            wintypes.HANDLE,
            wintypes.DWORD,
            ctypes.POINTER(wintypes.HANDLE),
        ]
        if not advapi32.OpenProcessToken(
            kernel32.GetCurrentProcess(), TOKEN_QUERY, ctypes.byref(token)
        ):
            raise ctypes.WinError(ctypes.get_last_error())
        try:
            size = wintypes.DWORD()
            advapi32.GetTokenInformation(token, TOKEN_USER, None, 0, ctypes.byref(size))
            buf = ctypes.create_string_buffer(size.value)
            if not advapi32.GetTokenInformation(token, TOKEN_USER, buf, size, ctypes.byref(size)):
                raise ctypes.WinError(ctypes.get_last_error())
            psid = ctypes.cast(buf, ctypes.POINTER(ctypes.c_void_p))[0]  # TOKEN_USER.User.Sid
            text = wintypes.LPWSTR()
            if not advapi32.ConvertSidToStringSidW(ctypes.c_void_p(psid), ctypes.byref(text)):
                raise ctypes.WinError(ctypes.get_last_error())
            try:
                return str(text.value)
            finally:
                kernel32.LocalFree(text)
        finally:
            kernel32.CloseHandle(token)

    def private_sddl() -> str:
        """Protected (P), inherited by files and folders (OICI), full control (FA): user, system."""
        return f"D:P(A;OICI;FA;;;{current_user_sid()})(A;OICI;FA;;;{SYSTEM_SID})"

    def make_private(path: Path) -> None:
        """Give `path` the private DACL (Windows only; raises OSError when Windows refuses)."""
        from ctypes import wintypes

        advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        sd = ctypes.c_void_p()
        if not advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(
            private_sddl(), SDDL_REVISION_1, ctypes.byref(sd), None
        ):
            raise ctypes.WinError(ctypes.get_last_error())
        try:
            present, defaulted = wintypes.BOOL(), wintypes.BOOL()
            dacl = ctypes.c_void_p()
            if not advapi32.GetSecurityDescriptorDacl(
                sd, ctypes.byref(present), ctypes.byref(dacl), ctypes.byref(defaulted)
            ):
                raise ctypes.WinError(ctypes.get_last_error())
            advapi32.SetNamedSecurityInfoW.argtypes = [
                wintypes.LPCWSTR,
                ctypes.c_int,
                wintypes.DWORD,
                ctypes.c_void_p,
                ctypes.c_void_p,
                ctypes.c_void_p,
                ctypes.c_void_p,
            ]
            err = advapi32.SetNamedSecurityInfoW(
                str(path),
                SE_FILE_OBJECT,
                DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
                None,
                None,
                dacl,
                None,
            )
            if err:
                raise ctypes.WinError(err)
        finally:
            kernel32.LocalFree(sd)

    def dacl_sddl(path: Path) -> str:
        """The DACL of `path` as SDDL text, e.g. "D:P(A;OICI;FA;;;S-1-5-…)" (Windows only)."""
        from ctypes import wintypes

        advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        sd = ctypes.c_void_p()
        advapi32.GetNamedSecurityInfoW.argtypes = [
            wintypes.LPCWSTR,
            ctypes.c_int,
            wintypes.DWORD,
            ctypes.c_void_p,
            ctypes.c_void_p,
            ctypes.c_void_p,
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_void_p),
        ]
        err = advapi32.GetNamedSecurityInfoW(
            str(path),
            SE_FILE_OBJECT,
            DACL_SECURITY_INFORMATION,
            None,
            None,
            None,
            None,
            ctypes.byref(sd),
        )
        if err:
            raise ctypes.WinError(err)
        try:
            text = wintypes.LPWSTR()
            if not advapi32.ConvertSecurityDescriptorToStringSecurityDescriptorW(
                sd, SDDL_REVISION_1, DACL_SECURITY_INFORMATION, ctypes.byref(text), None
            ):
                raise ctypes.WinError(ctypes.get_last_error())
            try:
                return str(text.value)
            finally:
                kernel32.LocalFree(text)
        finally:
            kernel32.LocalFree(sd)
