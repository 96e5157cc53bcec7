"""An S3-compatible server on loopback for the storage tests: moto's server mode (PyPI
`moto[server]`) on a free port, with the buckets named on the command line created; prints
`PORT <n>` and runs until killed."""

import logging
import sys
import threading

import boto3
from moto.server import ThreadedMotoServer

# One line per request on stderr would bury the test output.
logging.getLogger("werkzeug").setLevel(logging.ERROR)
server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
server.start()
port = server.get_host_and_port()[1]
s3 = boto3.client(
    "s3",
    endpoint_url=f"http://127.0.0.1:{port}",
    aws_access_key_id="setup",
    aws_secret_access_key="setup",
    region_name="us-east-1",
)
for bucket in sys.argv[1:]:
    s3.create_bucket(Bucket=bucket)
print("PORT", port, flush=True)
threading.Event().wait()
