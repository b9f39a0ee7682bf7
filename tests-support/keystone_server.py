"""A real Keystone for the tests, on 127.0.0.1 and a free port.

Run it with the Python of a virtualenv where `keystone` is installed. It writes a keystone.conf
(SQLite, fernet tokens, a [security_compliance] section), runs keystone-manage db_sync,
fernet_setup, credential_setup and bootstrap, then serves the public API with wsgiref and
prints one line, `READY <url> <admin password> <conf path>`, before serving until stopped with
SIGTERM or SIGINT, which removes its work directory (database, keys, conf) on the way out.

Arguments `SECTION.KEY=VALUE` add options to the conf (for example
`DEFAULT.strict_password_check=true identity.password_hash_algorithm=scrypt`).
"""

from __future__ import annotations

import os
import pathlib
import shutil
import signal
import subprocess
import sys
import tempfile

ADMIN_PASSWORD = "adm1n-Passw0rd"
SECURITY_COMPLIANCE = r"""
[security_compliance]
password_regex = ^(?=.*\d)(?=.*[a-zA-Z]).{7,}$
password_regex_description = Passwords must have at least 7 characters, one letter and one digit
unique_last_password_count = 3
"""


def extra_sections(options: list[str]) -> str:
    """`SECTION.KEY=VALUE` arguments as conf sections (oslo.config merges repeated ones)."""
    lines = []
    for option in options:
        name, value = option.split("=", 1)
        section, key = name.split(".", 1)
        lines.append(f"[{section}]\n{key} = {value}\n")
    return "".join(lines)


def write_conf(workdir: pathlib.Path, options: list[str]) -> pathlib.Path:
    conf = workdir / "keystone.conf"
    conf.write_text(
        f"""[DEFAULT]
[database]
connection = sqlite:///{workdir}/keystone.db
[identity]
# bcrypt's minimum cost, so that tests creating many users stay fast
password_hash_rounds = 4
[token]
provider = fernet
[fernet_tokens]
key_repository = {workdir}/fernet-keys
[fernet_receipts]
key_repository = {workdir}/fernet-keys
[credential]
key_repository = {workdir}/credential-keys
"""
        + SECURITY_COMPLIANCE
        + extra_sections(options)
    )
    for name in ("fernet-keys", "credential-keys"):
        (workdir / name).mkdir()
    return conf


def setup(conf: pathlib.Path) -> None:
    # the console script of the same virtualenv (keystone.cmd.manage has no __main__)
    manage = [str(pathlib.Path(sys.executable).with_name("keystone-manage")), "--config-file", str(conf)]
    import grp
    import pwd

    user = pwd.getpwuid(os.getuid()).pw_name
    group = grp.getgrgid(os.getgid()).gr_name
    owner = ["--keystone-user", user, "--keystone-group", group]
    for args in (
        ["db_sync"],
        ["fernet_setup", *owner],
        ["credential_setup", *owner],
        ["bootstrap", "--bootstrap-password", ADMIN_PASSWORD],
    ):
        run = subprocess.run(manage + args, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"keystone-manage {args[0]} failed:\n{run.stderr[-2000:]}")


def serve(conf: pathlib.Path) -> None:
    os.environ["OS_KEYSTONE_CONFIG_FILES"] = str(conf)
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    from keystone.server.wsgi import initialize_public_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args) -> None:
            pass

    app = initialize_public_application()
    server = make_server("127.0.0.1", 0, app, handler_class=QuietHandler)
    host, port = server.server_address[:2]
    print(f"READY http://{host}:{port} {ADMIN_PASSWORD} {conf}", flush=True)
    # nobody reads our stdout after this line: a full pipe would block the server
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    server.serve_forever()


def main() -> None:
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="chpass-keystone-"))

    def stop(*_: object) -> None:
        shutil.rmtree(workdir, ignore_errors=True)
        # not sys.exit: a normal shutdown waits for Keystone's non-daemon threads, and the
        # caller waiting for us would wait forever
        os._exit(0)

    # the callers stop us with SIGTERM
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        # ours, not Keystone's: oslo.config would read them as its own command line
        options, sys.argv[1:] = sys.argv[1:], []
        conf = write_conf(workdir, options)
        setup(conf)
        serve(conf)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
