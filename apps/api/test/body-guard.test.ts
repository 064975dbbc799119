// checkJsonValue: the body's names and values, read before any route; a refusal names the field.
import { describe, expect, it } from 'vitest';
import { checkJsonValue } from '../src/http/body-guard';

const refusal = (body: unknown) => {
  const error = checkJsonValue(body);
  return error && { status: error.status, code: error.code, field: error.field };
};

describe('checkJsonValue', () => {
  it('when every name and value is plain text, then nothing is refused', () => {
    expect(
      checkJsonValue({
        target: 'rclone',
        cors: { rules: [{ allowedOrigins: ['https://a.example', 'https://b.example'] }] },
        key: { name: 'k😀', validDays: 7, restrictToBucket: true, namePrefix: null },
      }),
    ).toBeNull();
  });

  it('when a value deep in an array has a control character, then its field is named with the indexes', () => {
    const body = {
      cors: {
        rules: [{ allowedOrigins: ['https://a.example'] }, { allowedOrigins: ['ok', 'b\nad'] }],
      },
    };
    expect(refusal(body)).toEqual({
      status: 400,
      code: 'invalid_request',
      field: 'cors.rules.1.allowedOrigins.1',
    });
  });

  it('when a field name reaches into the prototype or holds a control character, then that name is the field', () => {
    expect(refusal(JSON.parse('{"bucket":{"__proto__":{"x":1}}}'))).toEqual({
      status: 400,
      code: 'invalid_request',
      field: 'bucket.__proto__',
    });
    expect(refusal({ key: { 'na\tme': 'x' } })?.field).toBe('key.na\\tme');
    expect(refusal({ name: '\ud83d' })?.field).toBe('name');
    expect(refusal('\u2028')?.field).toBe('body');
  });

  it('when objects nest 17 deep, then the 17th is refused where it sits; 16 deep pass', () => {
    const nest = (levels: number): unknown => (levels === 0 ? 'x' : { a: nest(levels - 1) });
    expect(checkJsonValue(nest(16))).toBeNull();
    expect(refusal(nest(17))).toEqual({
      status: 400,
      code: 'invalid_request',
      field: Array(16).fill('a').join('.'),
    });
  });
});
