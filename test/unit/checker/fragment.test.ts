import { describe, expect, it } from 'vitest';
import {
  decodeFragment,
  encodeFragment,
  maxFragmentLength,
  readDraftJson,
  readSavedCopy,
  sanitizeDraft,
  savedCopyText,
} from '../../../src/lib/checker/fragment.ts';
import { validateDraft } from '../../../src/lib/checker/draft.ts';
import { vignette } from '../../helpers/content.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('the checker fragment', () => {
  it('round-trips a whole chart (V01) exactly, and an empty draft to an empty fragment', () => {
    const facts = vignette('V01-baseline');
    const decoded = decodeFragment(`#${encodeFragment(facts)}`);
    expect(decoded.status).toBe('read');
    expect(decoded.status === 'read' && decoded.draft).toEqual(facts);
    expect(decoded.status === 'read' && decoded.messages).toEqual([]);
    expect(encodeFragment({})).toBe('');
  });

  it('keeps non-ASCII text intact (UTF-8, not Latin-1)', () => {
    const decoded = decodeFragment(encodeFragment({ healthPlan: 'Santé Plus – Ω' }));
    expect(decoded.status === 'read' && decoded.draft.healthPlan).toBe('Santé Plus – Ω');
  });

  it('carries extra parameters such as the packet’s line beside the facts', () => {
    const decoded = decodeFragment(`#${encodeFragment({ ageYears: 52 }, { line: 'cohere-ma' })}`);
    expect(decoded.params.get('line')).toBe('cohere-ma');
    expect(decoded.status === 'read' && decoded.draft).toEqual({ ageYears: 52 });
  });

  it('drops undocumented and empty values so the link is as short as the facts', () => {
    expect(encodeFragment({ ageYears: undefined, healthPlan: '' })).toBe('');
  });

  it('treats an empty fragment or an in-page anchor as no facts, not as an error', () => {
    expect(decodeFragment('').status).toBe('none');
    expect(decodeFragment('#main').status).toBe('none');
    expect(decodeFragment('#line=cohere-ma').status).toBe('none');
  });

  it('rejects a script payload in place of the encoded facts, with a message', () => {
    const result = decodeFragment('#facts=<script>alert(1)</script>');
    expect(result.status).toBe('rejected');
    expect(result.status === 'rejected' && result.message).toMatch(
      /not in the form BVN Atlas writes/,
    );
  });

  it('rejects an oversized fragment before decoding it', () => {
    const result = decodeFragment(`#facts=${'A'.repeat(maxFragmentLength + 1)}`);
    expect(result.status === 'rejected' && result.message).toMatch(/too long/);
  });

  it('rejects text that is not JSON, and JSON that is not an object of facts', () => {
    expect(decodeFragment(`#facts=${b64('{ageYears: 52')}`).status).toBe('rejected');
    expect(decodeFragment(`#facts=${b64('[1,2,3]')}`).status).toBe('rejected');
    expect(decodeFragment(`#facts=${b64('"<img src=x onerror=alert(1)>"')}`).status).toBe(
      'rejected',
    );
    expect(readDraftJson('null').status).toBe('rejected');
  });

  it('leaves out unknown keys, including __proto__, and says so', () => {
    const result = decodeFragment(
      `#facts=${b64('{"ageYears":52,"__proto__":{"polluted":true},"onload":"alert(1)"}')}`,
    );
    expect(result.status).toBe('read');
    if (result.status !== 'read') return;
    expect(result.draft).toEqual({ ageYears: 52 });
    expect(Object.getPrototypeOf(result.draft)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.messages.join(' ')).toMatch(/"__proto__": not a fact/);
    expect(result.messages.join(' ')).toMatch(/"onload": not a fact/);
  });

  it('keeps markup typed into a text field as text (it is shown, never interpreted)', () => {
    const { draft, messages } = sanitizeDraft({
      healthPlan: '<script>alert(1)</script>',
      ageYears: '<img src=x onerror=alert(1)>',
    });
    expect(draft).toEqual({
      healthPlan: '<script>alert(1)</script>',
      ageYears: '<img src=x onerror=alert(1)>',
    });
    expect(messages).toEqual([]);
    // The age is not a number: it stays in its field with a message and is read as undocumented.
    const { facts, problems } = validateDraft(draft);
    expect(facts).toEqual({ healthPlan: '<script>alert(1)</script>' });
    expect(problems).toEqual([
      { path: 'ageYears', message: 'Age: expected a number (got "<img src=x onerror=alert(1)>").' },
    ]);
  });

  it('rejects values no control can hold: objects, lists and over-long text in scalar fields', () => {
    const { draft, messages } = sanitizeDraft({
      ageYears: { $gt: 1 },
      bmi: [29],
      healthPlan: 'x'.repeat(500),
    });
    expect(draft).toEqual({});
    expect(messages).toEqual([
      'Left out Age: an object cannot be a value of this field.',
      'Left out BMI: a list cannot be a value of this field.',
      'Left out Health plan: text of 500 characters cannot be a value of this field (at most 200).',
    ]);
  });

  it('rejects invalid choices and yes/no values with the schema’s expectation, since a select or radio cannot show them', () => {
    const { draft, messages } = sanitizeDraft({
      pregnant: 'maybe',
      painSeverity: 'unbearable',
      predominantPain: 'axial',
    });
    expect(draft).toEqual({ predominantPain: 'axial' });
    expect(messages[0]).toBe('Left out Pregnant: expected yes or no (got "maybe").');
    expect(messages[1]).toBe(
      'Left out Pain severity (clinician’s assessment): expected one of none, mild, moderate, severe (got "unbearable").',
    );
  });

  it('keeps list rows field by field; an unreadable row stays, with nothing documented', () => {
    const { draft, messages } = sanitizeDraft({
      modicChanges: [{ level: 'L4', type: 1 }, 'L5', { level: 'L5', colour: 'red', type: 7 }],
      spondylolisthesis: 'none',
    });
    expect(draft).toEqual({ modicChanges: [{ level: 'L4', type: 1 }, {}, { level: 'L5' }] });
    expect(messages).toEqual([
      'Modic changes, row 2: expected a row of fields, got "L5"; kept as a row with nothing documented.',
      'Left out Modic changes, row 3: "colour" is not one of its fields.',
      'Left out Modic changes, row 3, Modic type: expected one of 1, 2, 3 (got 7).',
      'Left out Spondylolisthesis: expected a list of rows, got "none".',
    ]);
  });

  it('rejects a list longer than the schema allows (12 rows)', () => {
    const { draft, messages } = sanitizeDraft({
      plannedLevels: Array.from({ length: 13 }, () => ({ level: 'L4' })),
    });
    expect(draft).toEqual({});
    expect(messages).toEqual(['Left out Planned vertebral bodies: 13 rows (at most 12).']);
  });

  it('never turns a list whose only row is unreadable into "none"', () => {
    const { draft } = sanitizeDraft({ spondylolisthesis: ['L4 on L5, 4 mm, correlates'] });
    expect(draft).toEqual({ spondylolisthesis: [{}] });
    expect(validateDraft(draft).facts.spondylolisthesis).toEqual([{}]);
  });

  it('puts free text on one line, saying so', () => {
    const { draft, messages } = sanitizeDraft({ healthPlan: 'X\n\n# Injected\r\n- [ ] fake' });
    expect(draft.healthPlan).toBe('X # Injected - [ ] fake');
    expect(messages).toEqual(['Health plan: line breaks replaced by spaces.']);
  });

  it('names a number too large to read as it was written', () => {
    const result = readDraftJson('{"bmi": 1e309}');
    expect(result.status === 'read' && result.messages).toEqual([
      'Left out BMI: 1e309, a number too large to read cannot be a value of this field.',
    ]);
  });

  it('lists at most eight messages and counts the rest', () => {
    const junk = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`junk${i}`, i]));
    const { messages } = sanitizeDraft(junk);
    expect(messages).toHaveLength(9);
    expect(messages.at(-1)).toBe('…and 12 more left out.');
  });
});

describe('the saved copy', () => {
  it('keeps the draft and the address it was saved at', () => {
    const text = savedCopyText({ ageYears: 52, bmi: undefined }, '#facts=abc');
    expect(readSavedCopy(text)).toMatchObject({
      status: 'read',
      draft: { ageYears: 52 },
      messages: [],
      address: '#facts=abc',
    });
  });

  it('still reads a copy saved before the address was recorded (a plain draft)', () => {
    expect(readSavedCopy('{"ageYears":52}')).toMatchObject({
      status: 'read',
      draft: { ageYears: 52 },
    });
  });

  it('says why an unreadable copy could not be read', () => {
    const result = readSavedCopy('{"ageYears": 6');
    expect(result.status).toBe('rejected');
    expect(result.status === 'rejected' && result.message).toMatch(
      /^The facts saved in this browser are not valid JSON/,
    );
  });
});
