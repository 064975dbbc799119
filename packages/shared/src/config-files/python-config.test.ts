import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../test/config-error';
import { KEY_ID, SECRET, configValues } from '../../test/config-values-fixture';
import { pythonConfig } from './python-config';

describe('pythonConfig', () => {
  it('writes a boto3 script with its values at the top and the checksum settings behind a version guard', () => {
    expect(pythonConfig(configValues('python'))).toEqual({
      target: 'python',
      filename: 'b2_example.py',
      mediaType: 'text/plain; charset=utf-8',
      content: `# Checks the Backblaze B2 bucket acme-db-backups from Python with boto3, through B2's S3-compatible
# API: it uploads a small test object, lists the bucket, deletes the test object and prints
# what it did. Run it with: python3 b2_example.py
# It holds the application key: keep it private. In your app, read the key from its settings.
import sys

import boto3
import botocore
from botocore.config import Config

ENDPOINT_URL = "https://s3.us-west-004.backblazeb2.com"
REGION = "us-west-004"
BUCKET = "acme-db-backups"
KEY_ID = "${KEY_ID}"
APPLICATION_KEY = "${SECRET}"
TEST_OBJECT = "b2-example-test.txt"

settings = {"signature_version": "s3v4", "s3": {"addressing_style": "path"}}
# botocore 1.36 and later send checksum headers that B2 has rejected, unless told to send them
# only when an operation requires them. Older botocore has no such setting (passing it raises
# TypeError) and never sends those headers.
if "request_checksum_calculation" in Config.OPTION_DEFAULTS:
    settings["request_checksum_calculation"] = "when_required"
    settings["response_checksum_validation"] = "when_required"
    print("botocore " + botocore.__version__ + ": checksums only when required")
else:
    print("botocore " + botocore.__version__ + ": sends no checksum headers, nothing to set")

s3 = boto3.client(
    "s3",
    endpoint_url=ENDPOINT_URL,
    region_name=REGION,
    aws_access_key_id=KEY_ID,
    aws_secret_access_key=APPLICATION_KEY,
    config=Config(**settings),
)

s3.put_object(Bucket=BUCKET, Key=TEST_OBJECT, Body=b"Hello from b2_example.py\\n")
print("uploaded " + TEST_OBJECT)
listed = s3.list_objects_v2(Bucket=BUCKET)
names = [item["Key"] for item in listed.get("Contents", [])]
print("listed " + str(len(names)) + " object(s) in " + BUCKET)
if TEST_OBJECT not in names:
    sys.exit("the test object is not in the list")
s3.delete_object(Bucket=BUCKET, Key=TEST_OBJECT)
print("deleted " + TEST_OBJECT)
`,
    });
  });

  it('keeps a key with quotes and backslashes as a Python string literal', () => {
    const values = configValues('python');
    values.key.applicationKey = 'K0"\\\'x';
    expect(pythonConfig(values).content).toContain('APPLICATION_KEY = "K0\\"\\\\\'x"\n');
  });

  it('refuses a region that is not one', () => {
    const values = configValues('python');
    values.endpoint.s3Region = 'us west';
    expect(configErrorOf(() => pythonConfig(values))).toEqual({
      field: 'endpoint.s3Region',
      message: "'us west' is not a region. It should look like us-west-004.",
    });
  });
});
