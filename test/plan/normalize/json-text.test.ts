import { describe, expect, it } from 'vitest';
import { asContainer, isJsonContainerText, parseIfJson } from '../../../src/plan/normalize/json-text.js';

describe('JSON text', () => {
  it('parses text that holds a JSON object or list, and nothing else', () => {
    expect(asContainer(' {"a":1} ')).toEqual({ a: 1 });
    expect(asContainer('[1]')).toEqual([1]);
    expect(asContainer('5')).toBe('5');
    expect(asContainer('{not json')).toBe('{not json');
    expect(parseIfJson('5')).toBe(5);
    expect(isJsonContainerText('{"a":1}')).toBe(true);
    expect(isJsonContainerText('plain')).toBe(false);
    expect(isJsonContainerText({ a: 1 })).toBe(false);
  });

  it('reads URL-encoded JSON, as IAM returns policy documents', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
    expect(asContainer(encodeURIComponent(JSON.stringify(doc)))).toEqual(doc);
    expect(asContainer('%7Bbroken')).toBe('%7Bbroken');
    expect(asContainer('%41')).toBe('%41');
  });
});
