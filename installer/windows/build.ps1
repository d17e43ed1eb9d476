# Build the Windows bundle, the installer and the portable zip (on Windows 10/11 x64; PyInstaller does not
# cross-compile). From the repository root, in PowerShell:
#
#   py -3.11 -m venv .venv; .venv\Scripts\python -m pip install -e ".[dev]"
#   installer\windows\build.ps1
#
# Needs Inno Setup 6.3+ (https://jrsoftware.org/isinfo.php; a per-user install is enough). Produces
#   dist\puskesos-desk\                               the bundle (puskesos-desk.exe console, puskesos-desk-gui.exe)
#   dist\puskesos-desk-<version>-setup.exe            the per-user installer
#   dist\puskesos-desk-<version>-windows-portable.zip the bundle with portable.ini (data beside the program)
param(
    [string]$Python = ".venv\Scripts\python.exe",
    [string]$Iscc = ""
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

$version = (& $Python installer\app_version.py --iss installer\windows\version.iss).Trim()
Write-Host "== Puskesos Desk $version"
Invoke-Checked $Python @("-m", "PyInstaller", "--noconfirm", "--distpath", "dist", "--workpath", "build\pyinstaller",
                         "installer\puskesos-desk.spec")
# The frozen console executable must pass its own self-test before anything is packaged.
Invoke-Checked "dist\puskesos-desk\puskesos-desk.exe" @("self-test")

# Inno Setup's Indonesian messages are an unofficial translation, not installed with it: fetch it once.
$isl = "installer\windows\Indonesian.isl"
if (-not (Test-Path $isl)) {
    try {
        Invoke-WebRequest -UseBasicParsing -OutFile $isl `
            "https://raw.githubusercontent.com/jrsoftware/issrc/main/Files/Languages/Unofficial/Indonesian.isl"
    } catch { Write-Warning "Indonesian.isl not available ($_); the installer will be in English only" }
}

if (-not $Iscc) {
    $Iscc = @("$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe", "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
              "$env:ProgramFiles\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $Iscc) { throw "ISCC.exe (Inno Setup 6) not found; pass -Iscc <path>" }
Invoke-Checked $Iscc @("installer\windows\puskesos-desk.iss")

$portable = "build\portable\puskesos-desk"
Remove-Item -Recurse -Force "build\portable" -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "build\portable" | Out-Null
Copy-Item -Recurse "dist\puskesos-desk" $portable
Copy-Item "installer\windows\portable.ini" $portable
$zip = "dist\puskesos-desk-$version-windows-portable.zip"
Remove-Item -Force $zip -ErrorAction SilentlyContinue
Compress-Archive -Path $portable -DestinationPath $zip
Write-Host "== built dist\puskesos-desk-$version-setup.exe and $zip"
