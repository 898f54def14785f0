; The Windows installer of the kiosk, built on Linux with Debian's NSIS (tools/windows/installer.sh):
;   makensis -DBUNDLE=<dist/windows/kiosk> -DOUTFILE=<kiosk-setup.exe> -DVERSION=x.y.z kiosk.nsi
;   (-DCOMPRESSOR=zlib: 3-4 times faster to build, a larger file; the default is /SOLID lzma)
; Per-machine: the program in Program Files, one Start menu entry for every user, an uninstaller in
; "Apps & features". The data stay per user where the kiosk puts them (platformdirs, see
; kiosk/platform/config.py): %LOCALAPPDATA%\kiosk-passculture (logs in its Logs folder).
; Silent: kiosk-setup.exe /S [/KIOSK] [/D=C:\path]   Uninstall.exe /S [/REMOVEDATA]
; /KIOSK (or the "kiosk mode" component) starts `kiosk run --kiosk` at every Windows log-in.
; A 64-bit installer for a 64-bit program (and Wine runs it without its 32-bit part).
Target amd64-unicode
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!define NAME "Kiosque pass Culture"
!define KEY "KiosquePassCulture"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${KEY}"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
!define DATA_NAME "kiosk-passculture" ; platformdirs.user_data_dir(APP_NAME, appauthor=False)

Name "${NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${NAME}"
InstallDirRegKey HKLM "${UNINST_KEY}" "InstallLocation"
RequestExecutionLevel admin
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"
!endif
SetCompressor ${COMPRESSOR}
ManifestDPIAware true
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1036 "ProductName" "${NAME}"
VIAddVersionKey /LANG=1036 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "FileDescription" "Installation du ${NAME}"
VIAddVersionKey /LANG=1036 "LegalCopyright" "AGPL-3.0-or-later"

!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\kiosk.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "French"

Section "!${NAME}" SecMain
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateShortCut "$SMPROGRAMS\${NAME}.lnk" "$INSTDIR\kiosk.exe" "run" "$INSTDIR\kiosk.exe" 0
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "kiosk"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\kiosk.exe"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section /o "Démarrer en mode kiosque à l'ouverture de session" SecKiosk
  ; Every user of this PC: a counter PC runs under one dedicated account (docs/operations.md).
  WriteRegStr HKLM "${RUN_KEY}" "${KEY}" '"$INSTDIR\kiosk.exe" run --kiosk'
SectionEnd

LangString DESC_Main ${LANG_FRENCH} "Le guichet, son raccourci dans le menu Démarrer et son programme de désinstallation."
LangString DESC_Kiosk ${LANG_FRENCH} "Ouvre le guichet en plein écran à chaque ouverture de session ; en sortir demande le code administrateur."
!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} $(DESC_Main)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecKiosk} $(DESC_Kiosk)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "Le ${NAME} demande Windows 10 (version 1703 ou plus récente) 64 bits." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/KIOSK" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecKiosk} ${SF_SELECTED}
  ${EndIf}
FunctionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\${NAME}.lnk"
  DeleteRegValue HKLM "${RUN_KEY}" "${KEY}"
  DeleteRegKey HKLM "${UNINST_KEY}"
  RMDir /r "$INSTDIR"
  ; The data (database, backups, logs) stay unless asked: they hold the day's validations.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/REMOVEDATA" $R1
  ${IfNot} ${Errors}
    SetShellVarContext current
    RMDir /r "$LOCALAPPDATA\${DATA_NAME}"
  ${ElseIfNot} ${Silent}
    SetShellVarContext current
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "Supprimer aussi les données du guichet de cet utilisateur ($LOCALAPPDATA\${DATA_NAME}) ? Les validations non synchronisées seraient perdues." IDNO keep
    RMDir /r "$LOCALAPPDATA\${DATA_NAME}"
    keep:
  ${EndIf}
SectionEnd
