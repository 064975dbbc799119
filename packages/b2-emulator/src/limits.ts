/** The emulator keeps files in memory, so one upload (native, S3 object or S3 part) is capped. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
