"""Sample sources live in samples/; their pictures and documents are generated here, per test."""

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

SAMPLES = Path(__file__).parent / "samples"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def picture(path, color="#a3121b", size=(640, 400)):
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())


@pytest.fixture
def media_dir(tmp_path):
    """The old site's uploads folder, as copied from its server (one picture is missing)."""
    root = tmp_path / "media"
    picture(root / "wp-content/uploads/2022/09/ban-bien-tap.jpg")
    picture(root / "wp-content/uploads/2022/09/hoi-nghi.jpg", color="#1f5f8b")  # the body asks for -600x400
    (root / "wp-content/uploads/2022/09/quyet-dinh-229.pdf").write_bytes(PDF)
    return root


@pytest.fixture
def mirror_dir(tmp_path):
    """A copy of the mirrored sample site with its pictures."""
    root = tmp_path / "kufo.vn"
    shutil.copytree(SAMPLES / "mirror", root)
    picture(root / "uploads/anh-le-ky-niem.jpg")
    picture(root / "uploads/anh-trao-qua.png", color="#2e7d32")
    return root


@pytest.fixture
def run():
    """Run import_content; returns its output."""

    def run(*args):
        out = io.StringIO()
        call_command("import_content", *[str(arg) for arg in args], stdout=out, stderr=out)
        return out.getvalue()

    return run
