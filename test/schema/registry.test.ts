import { describe, expect, it } from 'vitest';
import { DeployError } from '../../src/errors/index.js';
import { pluralize, schemaRegistry, snakeCase, stackqlNameOf } from '../../src/schema/index.js';

const registry = schemaRegistry();

describe('name resolution across services', () => {
  it.each([
    ['aws.apigatewayv2.apis', 'AWS::ApiGatewayV2::Api'],
    ['aws.apigatewayv2.integrations', 'AWS::ApiGatewayV2::Integration'],
    ['aws.apigatewayv2.integration_responses', 'AWS::ApiGatewayV2::IntegrationResponse'],
    ['awscc.apigatewayv2.route_responses', 'AWS::ApiGatewayV2::RouteResponse'],
    ['aws.apigatewayv2.stages', 'AWS::ApiGatewayV2::Stage'],
    ['aws.s3.buckets', 'AWS::S3::Bucket'],
    ['aws.ec2.vpcs', 'AWS::EC2::VPC'],
    ['aws.ec2.vpc_endpoints', 'AWS::EC2::VPCEndpoint'],
    ['aws.ec2.subnets', 'AWS::EC2::Subnet'],
    ['aws.ec2.security_groups', 'AWS::EC2::SecurityGroup'],
    ['aws.ec2.eips', 'AWS::EC2::EIP'],
    ['aws.ec2.route_tables', 'AWS::EC2::RouteTable'],
    ['aws.iam.roles', 'AWS::IAM::Role'],
    ['aws.iam.policies', 'AWS::IAM::Policy'],
    ['aws.lambda.functions', 'AWS::Lambda::Function'],
    ['aws.logs.log_groups', 'AWS::Logs::LogGroup'],
    ['aws.dynamodb.tables', 'AWS::DynamoDB::Table'],
    ['aws.sqs.queues', 'AWS::SQS::Queue'],
    ['aws.sns.topics', 'AWS::SNS::Topic'],
    ['aws.kms.aliases', 'AWS::KMS::Alias'],
    ['aws.rds.db_instances', 'AWS::RDS::DBInstance'],
    ['aws.ecs.clusters', 'AWS::ECS::Cluster'],
    ['aws.elasticloadbalancingv2.load_balancers', 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
    ['AWS::ApiGatewayV2::Integration', 'AWS::ApiGatewayV2::Integration'],
  ])('%s ⇄ %s', (stackql, typeName) => {
    const schema = registry.resolve(stackql);
    expect(schema.typeName).toBe(typeName);
    if (!stackql.includes('::')) expect(stackqlNameOf(typeName)).toBe(stackql.replace(/^awscc\./, 'aws.'));
  });

  it('snake-cases acronyms and pluralises English words', () => {
    expect(snakeCase('DBInstance')).toBe('db_instance');
    expect(snakeCase('VPCEndpoint')).toBe('vpc_endpoint');
    expect(snakeCase('IntegrationResponseId')).toBe('integration_response_id');
    expect(pluralize('policy')).toBe('policies');
    expect(pluralize('ip_address')).toBe('ip_addresses');
    expect(pluralize('gateway')).toBe('gateways');
  });

  it('suggests the closest names for an unknown type', () => {
    const error = (() => {
      try {
        registry.resolve('aws.apigatewayv2.integratons');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(DeployError.is(error)).toBe(true);
    expect((error as DeployError).code).toBe('UnknownType');
    expect((error as DeployError).hint).toContain('aws.apigatewayv2.integrations');
  });
});

describe('type knowledge (from the CloudFormation registry snapshot)', () => {
  it('holds the registry types, provisionable or not', () => {
    expect(registry.typeNames()).toHaveLength(1626);
    const legacy = registry.typeNames().filter((t) => registry.find(t)?.handlers.length === 0);
    expect(legacy).toHaveLength(181);
    expect(registry.resolve('AWS::CertificateManager::Certificate').handlers).toEqual([]);
  });

  it('knows identifiers, create-only, read-only, write-only, parents and list needs', () => {
    const integration = registry.resolve('aws.apigatewayv2.integrations');
    expect(integration.primaryIdentifier).toEqual(['ApiId', 'IntegrationId']);
    expect(integration.properties['ApiId']?.createOnly).toBe(true);
    expect(integration.properties['IntegrationType']?.required).toBe(true);
    expect(integration.properties['TimeoutInMillis']?.type).toEqual({ kind: 'integer' });
    expect(Object.keys(integration.readOnly)).toEqual(['IntegrationId']);
    expect(integration.parents.map((p) => p.property)).toEqual(['ApiId']);
    expect(integration.listRequires).toEqual(['ApiId']);
    expect(integration.handlers).toEqual(['create', 'read', 'update', 'delete', 'list']);

    const api = registry.resolve('aws.apigatewayv2.apis');
    expect(api.properties['ProtocolType']?.createOnly).toBe(true);
    expect(api.writeOnly).toEqual([
      'Body',
      'BasePath',
      'BodyS3Location',
      'CredentialsArn',
      'FailOnWarnings',
      'RouteKey',
      'Target',
      'DisableSchemaValidation',
    ]);
    // BodyS3Location/Bucket & co. are covered by the write-only BodyS3Location itself.
    expect(api.writeOnlyPaths).toEqual([]);
    expect(api.tagProperty).toBe('Tags');
    expect(api.properties['Tags']?.type).toEqual({ kind: 'map', element: { kind: 'string' } });
    expect(Object.keys(api.readOnly)).toEqual(['ApiEndpoint', 'ApiId']);
    expect(api.listRequires).toEqual([]);

    const stage = registry.resolve('aws.apigatewayv2.stages');
    expect(stage.primaryIdentifier).toEqual(['ApiId', 'StageName']);
    expect(stage.parents[0]?.targets[0]?.type).toBe('AWS::ApiGatewayV2::Api');

    // The registry gives IntegrationResponse no list handler schema: nothing is required.
    const response = registry.resolve('aws.apigatewayv2.integration_responses');
    expect(response.listRequires).toEqual([]);
    expect(response.parents.map((p) => [p.property, p.targets.map((t) => t.type)])).toEqual([
      ['ApiId', ['AWS::ApiGatewayV2::Api']],
      ['IntegrationId', ['AWS::ApiGatewayV2::Integration']],
    ]);

    const deployment = registry.resolve('aws.apigatewayv2.deployments');
    expect(deployment.writeOnly).toEqual(['StageName']);
    expect(deployment.tagProperty).toBeUndefined(); // `taggable: false`
  });

  it('knows nested paths, unordered arrays and ARN templates', () => {
    const bucket = registry.resolve('aws.s3.buckets');
    expect(bucket.properties['Tags']?.type).toEqual({ kind: 'array', element: { kind: 'tag' }, unordered: true });
    expect(bucket.writeOnlyPaths).toContainEqual(['LifecycleConfiguration', 'Rules', '*', 'Transition']);
    expect(bucket.arnTemplate).toBe('arn:${Partition}:s3:::${BucketName}');

    const listener = registry.resolve('AWS::ElasticLoadBalancingV2::Listener');
    // Its list handler takes LoadBalancerArn or ListenerArns: the first is what the engine fills.
    expect(listener.listRequires).toEqual(['LoadBalancerArn']);
    expect(listener.writeOnlyPaths).toEqual([['DefaultActions', '*', 'AuthenticateOidcConfig', 'ClientSecret']]);
  });
});
