/** The file() directive, as the stackql-deploy docs show it (file-directive page). */
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/manifest/index.js';
import { writeStack } from './stack-fixture.js';

const MANIFEST = `name: files
globals:
  - name: default_tags
    value: file(common/default_tags.json)
resources:
  - name: role
    props:
      - name: policies
        value:
          - PolicyDocument:
              Statement:
                - file(aws/iam/policies/ec2_permissions.json)
                - file(aws/iam/policies/more.yaml)
              Version: '2012-10-17'
            PolicyName: "{{ stack_name }}-policy"
      - name: statements
        value: file(aws/iam/policies/combined.yaml)
`;

const FILES = {
  'resources/role.iql': '',
  'resources/common/default_tags.json': '[{"Key": "Provisioner", "Value": "stackql"}]',
  'resources/aws/iam/policies/ec2_permissions.json':
    '{"Effect": "Allow", "Action": ["ec2:CreateVpc"], "Resource": ["*"]}',
  'resources/aws/iam/policies/more.yaml': 'Effect: Allow\nAction:\n  - iam:PutRolePolicy\nResource: "*"\n',
  'resources/aws/iam/policies/combined.yaml':
    "Version: '2012-10-17'\nStatement:\n  - file(aws/iam/policies/ec2_permissions.json)\n",
};

describe('file() directive', () => {
  it('replaces whole values and list items by the parsed JSON or YAML file, nested files too', () => {
    const manifest = loadManifest(writeStack(MANIFEST, FILES));
    expect(manifest.globals[0]?.value).toEqual([{ Key: 'Provisioner', Value: 'stackql' }]);
    const [policies, statements] = manifest.resources[0]?.props ?? [];
    expect(policies?.value).toEqual([
      {
        PolicyDocument: {
          Statement: [
            { Effect: 'Allow', Action: ['ec2:CreateVpc'], Resource: ['*'] },
            { Effect: 'Allow', Action: ['iam:PutRolePolicy'], Resource: '*' },
          ],
          Version: '2012-10-17',
        },
        PolicyName: '{{ stack_name }}-policy',
      },
    ]);
    expect(statements?.value).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['ec2:CreateVpc'], Resource: ['*'] }],
    });
  });

  it('names the manifest line and the missing or broken file', () => {
    const { ['resources/common/default_tags.json']: _gone, ...rest } = FILES;
    expect(() => loadManifest(writeStack(MANIFEST, rest))).toThrow(/default_tags\.json does not exist/);
    try {
      loadManifest(writeStack(MANIFEST, { ...FILES, 'resources/common/default_tags.json': '[{' }));
    } catch (error) {
      expect(error).toMatchObject({ code: 'FileDirective', location: { line: 4 } });
      return;
    }
    throw new Error('expected an error');
  });

  it('names the line of a directive deep in a prop, after others resolved before it', () => {
    const broken = { ...FILES, 'resources/aws/iam/policies/more.yaml': 'Effect: [' };
    let error: unknown;
    try {
      loadManifest(writeStack(MANIFEST, broken));
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({ code: 'FileDirective', location: { line: 13 } });
    const nested = { ...FILES, 'resources/aws/iam/policies/combined.yaml': 'Statement:\n  - file(nope.json)\n' };
    expect(() => loadManifest(writeStack(MANIFEST, nested))).toThrow(/nope\.json does not exist/);
  });
});
