"""setuptools glue for pyproject.toml: the extension is built by CMake (the same build as
the CLI, src/python), not by setuptools, so build_ext runs CMake and copies `_cohesion`."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = Path(os.environ.get("COHESION_BUILD_DIR", ROOT / "build" / "python-wheel"))
        args = ["-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release", f"-DPython3_EXECUTABLE={sys.executable}",
                "-DCOHESION_BUILD_TESTS=OFF", "-DCOHESION_BUILD_BENCH=OFF", "-DCOHESION_BUILD_PYTHON=ON"]
        if shutil.which("ccache"):
            args.append("-DCMAKE_CXX_COMPILER_LAUNCHER=ccache")
        if not (build / "CMakeCache.txt").exists():  # an existing build (e.g. build/release) keeps its options
            subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build), *args], check=True)
        jobs = os.environ.get("COHESION_BUILD_JOBS", "2")
        subprocess.run(["cmake", "--build", str(build), "--target", "cohesion_python", "-j", jobs], check=True)
        built = next((build / "python" / "cohesion").glob("_cohesion*.so"))
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built, target)


setup(ext_modules=[Extension("cohesion._cohesion", sources=[])], cmdclass={"build_ext": CMakeBuild})
