import { describe, expect, it } from 'vitest';
import { formatPlan, NO_CHANGES } from '../../src/ui/index.js';
import { formatChange, reasonOf } from '../../src/ui/format-plan.js';
import { propertyLabel } from '../../src/ui/format-value.js';
import { change, planOf, samplePlan } from './fixtures.js';

describe('formatPlan summary', () => {
  it('lists one line per changing resource with symbol, name, type and reason; counts no-ops', () => {
    expect(formatPlan(samplePlan, { showDiff: false, color: false })).toMatchInlineSnapshot(`
      "  + api          AWS::ApiGatewayV2::Api          (not found)
        + integration  AWS::ApiGatewayV2::Integration  (not found)
        + route        AWS::ApiGatewayV2::Route        (not found)
        ~ stage        AWS::ApiGatewayV2::Stage        (Description changed; changed outside the engine)
      -/+ authorizer   AWS::ApiGatewayV2::Authorizer   (AuthorizerType forces replacement)

      3 unchanged.
      Plan: 3 to create, 1 to update, 1 to replace, 0 to delete."
    `);
  });

  it('says why a resource is deleted or replaced, in words', () => {
    const gone = change('oldfn', 'delete', { type: 'AWS::Lambda::Function', reason: 'removed from manifest' });
    expect(reasonOf(gone)).toBe('removed from manifest');
    const drifted = change('stage', 'update', { drift: true });
    expect(reasonOf(drifted)).toBe('changed outside the engine');
    const two = change('a', 'replace', {
      changes: [
        { path: '/ProtocolType', kind: 'change', before: 'HTTP', after: 'WEBSOCKET', forcesReplacement: true },
        { path: '/Name', kind: 'change', before: 'a', after: 'b', forcesReplacement: true },
      ],
    });
    expect(reasonOf(two)).toBe('ProtocolType and Name force replacement');
    const text = formatPlan(planOf([gone]), { showDiff: false, color: false });
    expect(text).toContain('  - oldfn  AWS::Lambda::Function  (removed from manifest)');
    expect(text).toContain('Plan: 0 to create, 0 to update, 0 to replace, 1 to delete.');
  });

  it('says there is nothing to do when every resource is unchanged', () => {
    const plan = planOf([change('api', 'noop'), change('stage', 'noop')]);
    expect(formatPlan(plan, { showDiff: false, color: false })).toBe(
      'No changes. The infrastructure matches the stack.',
    );
    expect(formatPlan(planOf([]), { showDiff: true, color: false })).toBe(NO_CHANGES);
  });

  it('omits the unchanged line when there are none', () => {
    const text = formatPlan(planOf([change('api', 'create')]), { showDiff: false, color: false });
    expect(text).not.toContain('unchanged');
    expect(text.split('\n').at(-1)).toBe('Plan: 1 to create, 0 to update, 0 to replace, 0 to delete.');
  });
});

describe('formatPlan diff', () => {
  const text = formatPlan(samplePlan, { showDiff: true, color: false });

  it('shows property changes under each resource', () => {
    expect(text).toMatchInlineSnapshot(`
      "  + api          AWS::ApiGatewayV2::Api          (not found)
            + Name = "chat"
            + ProtocolType = "WEBSOCKET"
        + integration  AWS::ApiGatewayV2::Integration  (not found)
            + ApiId = (known after apply)
            + IntegrationType = "AWS_PROXY"
        + route        AWS::ApiGatewayV2::Route        (not found)
            + Target = (known after apply)
        ~ stage        AWS::ApiGatewayV2::Stage        (Description changed; changed outside the engine)
            ~ Description: "old" → "new"
            ~ StageVariables.token = (sensitive)
            - Tags[0].Value = "x"
      -/+ authorizer   AWS::ApiGatewayV2::Authorizer   (AuthorizerType forces replacement)
            ~ AuthorizerType: "REQUEST" → "JWT"  # forces replacement
            ~ Name: "a" → "b"

      3 unchanged.
      Plan: 3 to create, 1 to update, 1 to replace, 0 to delete."
    `);
  });

  it('never shows an unknown token, even when the change is not flagged unknown', () => {
    expect(text).not.toContain('«unknown');
    expect(text).toContain('+ Target = (known after apply)');
  });

  it('masks sensitive values on both sides', () => {
    expect(text).not.toContain('s3cret');
    expect(text).not.toContain('n3w');
    expect(formatChange({ path: '/Password', kind: 'add', after: 'hunter2', sensitive: true }, false)).toBe(
      '+ Password = (sensitive)',
    );
  });

  it('renders objects, numbers and nested paths compactly', () => {
    expect(formatChange({ path: '/Tags', kind: 'add', after: [{ Key: 'a', Value: 1 }] }, false)).toBe(
      '+ Tags = [{"Key":"a","Value":1}]',
    );
    expect(formatChange({ path: '/TimeoutInMillis', kind: 'change', before: 100, after: 200 }, false)).toBe(
      '~ TimeoutInMillis: 100 → 200',
    );
    expect(propertyLabel('/a~1b/0/c~0d')).toBe('a/b[0].c~d');
  });
});

describe('formatPlan colour', () => {
  it('uses ANSI colours only when asked', () => {
    expect(formatPlan(samplePlan, { showDiff: true, color: false })).not.toContain('\u001b');
    const coloured = formatPlan(samplePlan, { showDiff: true, color: true });
    expect(coloured).toContain('\u001b[32m  +\u001b[39m');
    expect(coloured).toContain('\u001b[31m# forces replacement\u001b[39m');
  });

  it('strips escape codes that arrive inside plan data', () => {
    const hostile = planOf([change('api', 'create', { reason: 'bad \u001b[2Jthing' })]);
    expect(formatPlan(hostile, { showDiff: false, color: false })).toContain('(bad thing)');
  });
});
