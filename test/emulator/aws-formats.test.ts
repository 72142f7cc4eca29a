import { describe, expect, it } from 'vitest';
import { create, properties, setup } from './helpers.js';

const HEX17 = '[0-9a-f]{17}';

describe('identifiers in the formats AWS uses, learned from recorded reads', () => {
  it('gives EC2 resources `<prefix>-` and 17 hex digits, the VPC its default ACL and security group', async () => {
    const { client } = await setup();
    const vpc = await create(client, 'AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
    expect(vpc.Identifier).toMatch(new RegExp(`^vpc-${HEX17}$`));
    const props = await properties(client, 'AWS::EC2::VPC', vpc.Identifier as string);
    expect(props['VpcId']).toBe(vpc.Identifier);
    expect(props['DefaultSecurityGroup']).toMatch(new RegExp(`^sg-${HEX17}$`));
    expect(props['DefaultNetworkAcl']).toMatch(new RegExp(`^acl-${HEX17}$`));
    expect(props['CidrBlockAssociations']).toEqual([expect.stringMatching(new RegExp(`^vpc-cidr-assoc-${HEX17}$`))]);

    const vpcId = vpc.Identifier as string;
    for (const [typeName, desired, prefix] of [
      ['AWS::EC2::InternetGateway', {}, 'igw'],
      ['AWS::EC2::RouteTable', { VpcId: vpcId }, 'rtb'],
      ['AWS::EC2::Subnet', { VpcId: vpcId, CidrBlock: '10.0.1.0/24' }, 'subnet'],
      ['AWS::EC2::SecurityGroup', { GroupDescription: 'web', VpcId: vpcId }, 'sg'],
      ['AWS::EC2::Instance', { ImageId: 'ami-0123456789abcdef0' }, 'i'],
    ] as const) {
      const event = await create(client, typeName, desired);
      expect(event.OperationStatus, `${typeName}: ${event.StatusMessage}`).toBe('SUCCESS');
      expect(event.Identifier, typeName).toMatch(new RegExp(`^${prefix}-${HEX17}$`));
    }
  });

  it('composes identifiers the way AWS does: IGW|vpc-… for an attachment, rtb-…|0.0.0.0/0 for a route', async () => {
    const { client } = await setup();
    const vpc = (await create(client, 'AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' })).Identifier as string;
    const igw = (await create(client, 'AWS::EC2::InternetGateway', {})).Identifier as string;
    const attachment = await create(client, 'AWS::EC2::VPCGatewayAttachment', { VpcId: vpc, InternetGatewayId: igw });
    expect(attachment.Identifier).toBe(`IGW|${vpc}`);
    const rtb = (await create(client, 'AWS::EC2::RouteTable', { VpcId: vpc })).Identifier as string;
    const route = await create(client, 'AWS::EC2::Route', {
      RouteTableId: rtb,
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: igw,
    });
    expect(route.Identifier).toBe(`${rtb}|0.0.0.0/0`);
    expect(await properties(client, 'AWS::EC2::Route', route.Identifier as string)).toMatchObject({
      CidrBlock: '0.0.0.0/0',
    });
  });

  it('copies one attribute from another where AWS does (a security group GroupId is its Id)', async () => {
    const { client } = await setup();
    const sg = await create(client, 'AWS::EC2::SecurityGroup', { GroupDescription: 'web' });
    expect((await properties(client, 'AWS::EC2::SecurityGroup', sg.Identifier as string))['GroupId']).toBe(
      sg.Identifier,
    );
  });

  it('gives API Gateway v2 ids their lengths: 10 for an Api, 7 for an Integration or Route', async () => {
    const { client } = await setup();
    const api = await create(client, 'AWS::ApiGatewayV2::Api', { Name: 'a', ProtocolType: 'HTTP' });
    expect(api.Identifier).toMatch(/^[a-z0-9]{10}$/);
    const integration = await create(client, 'AWS::ApiGatewayV2::Integration', {
      ApiId: api.Identifier,
      IntegrationType: 'HTTP_PROXY',
      IntegrationUri: 'https://example.com',
      IntegrationMethod: 'GET',
    });
    expect(integration.Identifier).toMatch(new RegExp(`^${String(api.Identifier)}\\|[a-z0-9]{7}$`));
    const route = await create(client, 'AWS::ApiGatewayV2::Route', { ApiId: api.Identifier, RouteKey: 'GET /' });
    expect(route.Identifier).toMatch(/\|[a-z0-9]{7}$/);
  });

  it('uses an ARN or a URL where that is the identifier, in the region and partition asked', async () => {
    const { client } = await setup({}, { region: 'cn-north-1' });
    const topic = await create(client, 'AWS::SNS::Topic', { TopicName: 'alerts' });
    expect(topic.Identifier).toBe('arn:aws-cn:sns:cn-north-1:123456789012:alerts');
    const queue = await create(client, 'AWS::SQS::Queue', {});
    const url = queue.Identifier as string;
    expect(url).toMatch(/^https:\/\/sqs\.cn-north-1\.amazonaws\.com\/123456789012\/[a-z0-9-]+$/);
    const queueName = url.split('/').pop() as string;
    expect(await properties(client, 'AWS::SQS::Queue', url)).toMatchObject({
      QueueName: queueName,
      Arn: `arn:aws-cn:sqs:cn-north-1:123456789012:${queueName}`,
    });
    const subscription = await create(client, 'AWS::SNS::Subscription', {
      TopicArn: topic.Identifier,
      Protocol: 'sqs',
      Endpoint: `arn:aws-cn:sqs:cn-north-1:123456789012:${queueName}`,
    });
    expect(subscription.Identifier).toMatch(
      /^arn:aws-cn:sns:cn-north-1:123456789012:alerts:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('uses the id format another type of the service shows for a type without samples', async () => {
    const { client } = await setup();
    const tgw = await create(client, 'AWS::EC2::TransitGateway', {});
    expect(tgw.Identifier).toMatch(new RegExp(`^tgw-${HEX17}$`));
    const event = await create(client, 'AWS::EC2::TransitGatewayPeeringAttachment', {
      TransitGatewayId: tgw.Identifier,
      PeerTransitGatewayId: 'tgw-0fedcba9876543210',
      PeerAccountId: '123456789012',
      PeerRegion: 'us-west-2',
    });
    expect(event.Identifier, event.StatusMessage).toMatch(new RegExp(`^tgw-attach-${HEX17}$`));
  });

  it('keeps the generic generator where nothing is known', async () => {
    const { client } = await setup();
    const vpc = await create(client, 'AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
    const event = await create(client, 'AWS::EC2::CarrierGateway', { VpcId: vpc.Identifier });
    expect(event.Identifier, event.StatusMessage).toMatch(/^carriergatew-[0-9a-f]{17}$/);
  });
});

describe('attributes taken from the resources a resource names', () => {
  it("an instance's VpcId is its subnet's VPC, not a made-up one", async () => {
    const { client } = await setup();
    const vpc = (await create(client, 'AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' })).Identifier as string;
    const subnet = await create(client, 'AWS::EC2::Subnet', { VpcId: vpc, CidrBlock: '10.0.1.0/24' });
    const instance = await create(client, 'AWS::EC2::Instance', {
      ImageId: 'ami-0123456789abcdef0',
      SubnetId: subnet.Identifier,
    });
    const props = await properties(client, 'AWS::EC2::Instance', instance.Identifier as string);
    expect(props['VpcId']).toBe(vpc);
    // Its own identifier is never taken from elsewhere.
    expect(props['InstanceId']).toBe(instance.Identifier);
  });
});
