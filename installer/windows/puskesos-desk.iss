; Puskesos Desk: Windows installer (Inno Setup 6.3 or newer). Build on Windows with installer\windows\build.ps1,
; which bundles the app (installer\puskesos-desk.spec -> dist\puskesos-desk) and writes version.iss first.
;
; Per user, without administrator rights: the program goes to %LOCALAPPDATA%\Programs\Puskesos Desk, the
; shortcuts to this user's Start menu and desktop. The data (database, backups, logs, settings) lives in
; %LOCALAPPDATA%\puskesos-desk (platformdirs.user_data_dir("puskesos-desk"), see puskesos_desk\infra\paths.py):
; this script never installs, replaces or deletes anything there, so an upgrade or an uninstall keeps it. A newer
; version installs over an older one (same AppId); the app backs the database up and migrates it at its next start.

#include "version.iss"
#ifndef AppVersion
  #error "version.iss is missing: run  python installer\app_version.py --iss installer\windows\version.iss"
#endif

#define AppName "Puskesos Desk"
#define GuiExe "puskesos-desk-gui.exe"
#define CliExe "puskesos-desk.exe"
#define BundleDir "..\..\dist\puskesos-desk"

[Setup]
; Never change this GUID: it is how Windows knows that a newer Puskesos Desk replaces the installed one.
AppId={{48025FAB-E7E1-434B-9C50-998F50C68D07}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Puskesos Desk
AppComments=Meja layanan Puskesos desa dan sekretariat SLRT kabupaten/kota
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
UsePreviousAppDir=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
SetupIconFile=..\icons\puskesos-desk.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
; The running app is closed (Restart Manager) before its files are replaced.
CloseApplications=yes
RestartApplications=no
Compression=lzma2/max
SolidCompression=yes
OutputDir=..\..\dist
OutputBaseFilename=puskesos-desk-{#AppVersion}-setup
LanguageDetectionMethod=uilanguage
ShowLanguageDialog=auto

[Languages]
; Indonesian is one of Inno Setup's unofficial translations: build.ps1 fetches it beside this script. Without it
; the installer speaks English only.
#if FileExists(AddBackslash(SourcePath) + "Indonesian.isl")
Name: "id"; MessagesFile: "Indonesian.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; The previous version's libraries: a file the new version no longer ships must not stay behind and be loaded.
; Only the program folder; the data folder is elsewhere and never touched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\{#GuiExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\icons\puskesos-desk.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; IconFilename: "{app}\puskesos-desk.ico"; Comment: "Meja layanan Puskesos"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; IconFilename: "{app}\puskesos-desk.ico"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: uninstalling removes only what [Files] installed. The data folder
; %LOCALAPPDATA%\puskesos-desk (database, backups, logs, settings) stays for a reinstall; docs/packaging.md says
; how to remove it by hand.
