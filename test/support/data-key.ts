/** The data key every test runtime and test server seals personal data with (32 bytes, base64). */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64');
