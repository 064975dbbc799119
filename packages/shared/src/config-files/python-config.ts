// b2_example.py (docs/targets.md "Python (boto3)"): a script that uploads, lists and deletes a
// test object with boto3, its values in the lines at its top. botocore 1.36 and later need the
// checksum settings B2 asks for; older ones (Debian 12 has 1.29) refuse them, so they are guarded.
import type { GeneratedFile } from '../schemas/api';
import { bucketInComment } from './config-quoting';
import { MEDIA_TYPES, parseEndpoint, textFile } from './config-values';
import type { ConfigValues } from './types';

const FILENAME = 'b2_example.py';
export const EXAMPLE_TEST_OBJECT = 'b2-example-test.txt';

/** A Python string literal: a JSON string reads back the same in Python 3. */
const pythonString = (value: string) => JSON.stringify(value);

export function pythonConfig(values: ConfigValues): GeneratedFile {
  const endpoint = parseEndpoint(values);
  const bucket = bucketInComment(values, FILENAME);
  return textFile('python', FILENAME, MEDIA_TYPES.text, [
    `# Checks the Backblaze B2 bucket ${bucket} from Python with boto3, through B2's S3-compatible`,
    '# API: it uploads a small test object, lists the bucket, deletes the test object and prints',
    '# what it did. Run it with: python3 b2_example.py',
    '# It holds the application key: keep it private. In your app, read the key from its settings.',
    'import sys',
    '',
    'import boto3',
    'import botocore',
    'from botocore.config import Config',
    '',
    `ENDPOINT_URL = ${pythonString(endpoint.url)}`,
    `REGION = ${pythonString(endpoint.region)}`,
    `BUCKET = ${pythonString(values.bucket.bucketName)}`,
    `KEY_ID = ${pythonString(values.key.applicationKeyId)}`,
    `APPLICATION_KEY = ${pythonString(values.key.applicationKey)}`,
    `TEST_OBJECT = ${pythonString(EXAMPLE_TEST_OBJECT)}`,
    '',
    'settings = {"signature_version": "s3v4", "s3": {"addressing_style": "path"}}',
    '# botocore 1.36 and later send checksum headers that B2 has rejected, unless told to send them',
    '# only when an operation requires them. Older botocore has no such setting (passing it raises',
    '# TypeError) and never sends those headers.',
    'if "request_checksum_calculation" in Config.OPTION_DEFAULTS:',
    '    settings["request_checksum_calculation"] = "when_required"',
    '    settings["response_checksum_validation"] = "when_required"',
    '    print("botocore " + botocore.__version__ + ": checksums only when required")',
    'else:',
    '    print("botocore " + botocore.__version__ + ": sends no checksum headers, nothing to set")',
    '',
    's3 = boto3.client(',
    '    "s3",',
    '    endpoint_url=ENDPOINT_URL,',
    '    region_name=REGION,',
    '    aws_access_key_id=KEY_ID,',
    '    aws_secret_access_key=APPLICATION_KEY,',
    '    config=Config(**settings),',
    ')',
    '',
    's3.put_object(Bucket=BUCKET, Key=TEST_OBJECT, Body=b"Hello from b2_example.py\\n")',
    'print("uploaded " + TEST_OBJECT)',
    'listed = s3.list_objects_v2(Bucket=BUCKET)',
    'names = [item["Key"] for item in listed.get("Contents", [])]',
    'print("listed " + str(len(names)) + " object(s) in " + BUCKET)',
    'if TEST_OBJECT not in names:',
    '    sys.exit("the test object is not in the list")',
    's3.delete_object(Bucket=BUCKET, Key=TEST_OBJECT)',
    'print("deleted " + TEST_OBJECT)',
  ]);
}
