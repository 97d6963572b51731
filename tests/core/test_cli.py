import subprocess
import sys
from pathlib import Path


def test_clsante_command_runs_django_management_commands():
    exe = Path(sys.executable).parent / "clsante"
    assert exe.exists(), "la commande clsante doit être installée avec le paquet"
    result = subprocess.run([exe, "help"], capture_output=True, text=True, check=True)
    assert "charger_geographie" in result.stdout
    assert "charger_demo" in result.stdout
