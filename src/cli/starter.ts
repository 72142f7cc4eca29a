/**
 * The starter stack `deploy init NAME` writes: a VPC, a subnet and an S3 bucket, each found by
 * its exists query (tags, or the bucket's name), so it deploys, plans clean and tears down on
 * the local cloud as on AWS.
 */
export function starterFiles(name: string): Record<string, string> {
  return {
    'stackql_manifest.yml': `version: 1
name: "${name}"
description: starter stack for AWS, made by deploy init
providers:
  - aws
globals:
  - name: region
    description: aws region
    value: "{{ AWS_REGION | default('us-east-1') }}"
  - name: global_tags
    value:
      - Key: Provisioner
        Value: deploy
      - Key: StackName
        Value: "{{ stack_name }}"
      - Key: StackEnv
        Value: "{{ stack_env }}"
resources:
  - name: example_vpc
    props:
      - name: vpc_cidr_block
        values:
          prd:
            value: "10.0.0.0/16"
          sit:
            value: "10.1.0.0/16"
          dev:
            value: "10.2.0.0/16"
      - name: vpc_tags
        value:
          - Key: Name
            Value: "{{ stack_name }}-{{ stack_env }}-vpc"
        merge: [global_tags]
    exports: [vpc_id]
  - name: example_subnet
    props:
      - name: subnet_cidr_block
        values:
          prd:
            value: "10.0.1.0/24"
          sit:
            value: "10.1.1.0/24"
          dev:
            value: "10.2.1.0/24"
      - name: subnet_tags
        value:
          - Key: Name
            Value: "{{ stack_name }}-{{ stack_env }}-subnet"
        merge: [global_tags]
    exports: [subnet_id]
  - name: example_bucket
    props:
      - name: bucket_name
        value: "{{ stack_name }}-{{ stack_env }}-bucket"
      - name: bucket_tags
        value: []
        merge: [global_tags]
    exports: [bucket_name, bucket_arn]
exports:
  - vpc_id
  - subnet_id
  - bucket_arn
`,
    'resources/example_vpc.iql': `/*+ exists */
SELECT vpc_id FROM
(
SELECT vpc_id, json_group_object(tag_key, tag_value) AS tags
FROM aws.ec2.vpc_tags
WHERE region = '{{ region }}'
AND cidr_block = '{{ vpc_cidr_block }}'
GROUP BY vpc_id
HAVING json_extract(tags, '$.StackName') = '{{ stack_name }}'
AND json_extract(tags, '$.StackEnv') = '{{ stack_env }}'
) t;

/*+ create */
INSERT INTO aws.ec2.vpcs (CidrBlock, Tags, EnableDnsSupport, EnableDnsHostnames, region)
SELECT '{{ vpc_cidr_block }}', '{{ vpc_tags }}', true, true, '{{ region }}';

/*+ statecheck, retries=5, retry_delay=5 */
SELECT COUNT(*) AS count FROM aws.ec2.vpcs
WHERE region = '{{ region }}' AND data__Identifier = '{{ this.vpc_id }}'
AND cidr_block = '{{ vpc_cidr_block }}';

/*+ exports */
SELECT vpc_id FROM aws.ec2.vpcs
WHERE region = '{{ region }}' AND data__Identifier = '{{ this.vpc_id }}';

/*+ delete */
DELETE FROM aws.ec2.vpcs
WHERE data__Identifier = '{{ vpc_id }}' AND region = '{{ region }}';
`,
    'resources/example_subnet.iql': `/*+ exists */
SELECT subnet_id FROM
(
SELECT subnet_id, json_group_object(tag_key, tag_value) AS tags
FROM aws.ec2.subnet_tags
WHERE region = '{{ region }}'
AND vpc_id = '{{ vpc_id }}'
GROUP BY subnet_id
HAVING json_extract(tags, '$.StackName') = '{{ stack_name }}'
AND json_extract(tags, '$.StackEnv') = '{{ stack_env }}'
) t;

/*+ create */
INSERT INTO aws.ec2.subnets (VpcId, CidrBlock, MapPublicIpOnLaunch, Tags, region)
SELECT '{{ vpc_id }}', '{{ subnet_cidr_block }}', false, '{{ subnet_tags }}', '{{ region }}';

/*+ statecheck, retries=5, retry_delay=5 */
SELECT COUNT(*) AS count FROM aws.ec2.subnets
WHERE region = '{{ region }}' AND data__Identifier = '{{ this.subnet_id }}'
AND cidr_block = '{{ subnet_cidr_block }}' AND vpc_id = '{{ vpc_id }}';

/*+ exports */
SELECT subnet_id FROM aws.ec2.subnets
WHERE region = '{{ region }}' AND data__Identifier = '{{ this.subnet_id }}';

/*+ delete */
DELETE FROM aws.ec2.subnets
WHERE data__Identifier = '{{ subnet_id }}' AND region = '{{ region }}';
`,
    'resources/example_bucket.iql': `/*+ exists */
SELECT COUNT(*) AS count FROM aws.s3.buckets
WHERE region = '{{ region }}' AND data__Identifier = '{{ bucket_name }}';

/*+ create */
INSERT INTO aws.s3.buckets (BucketName, Tags, region)
SELECT '{{ bucket_name }}', '{{ bucket_tags }}', '{{ region }}';

/*+ statecheck, retries=3, retry_delay=5 */
SELECT COUNT(*) AS count FROM aws.s3.buckets
WHERE region = '{{ region }}' AND data__Identifier = '{{ bucket_name }}'
AND AWS_POLICY_EQUAL(tags, '{{ bucket_tags }}') = 1;

/*+ exports */
SELECT bucket_name, arn AS bucket_arn FROM aws.s3.buckets
WHERE region = '{{ region }}' AND data__Identifier = '{{ bucket_name }}';

/*+ delete */
DELETE FROM aws.s3.buckets
WHERE data__Identifier = '{{ bucket_name }}' AND region = '{{ region }}';
`,
    'README.md': `# ${name}

A stack for \`deploy\` (stackql-deploy format): a VPC, a subnet and an S3 bucket.

\`\`\`sh
deploy build ${name} dev --local      # deploy to the built-in local cloud (drop --local for AWS)
deploy test ${name} dev --local       # every statecheck, one line per resource
deploy plan ${name} dev --local       # what would change
deploy teardown ${name} dev --local --yes
\`\`\`

Values per environment are in \`stackql_manifest.yml\`; each resource's queries in \`resources/\`.
`,
  };
}
