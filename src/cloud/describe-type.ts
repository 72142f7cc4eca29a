/**
 * A resource type's current schema, from CloudFormation's DescribeType (the registry that
 * Cloud Control provisions from), instead of the snapshot bundled with the package.
 * The SDK call is one small function; everything else takes a `DescribeType` so tests, and
 * callers with their own client, inject it.
 */
import { CloudFormationClient, DescribeTypeCommand } from '@aws-sdk/client-cloudformation';
import { toCloudError } from './cloud-error.js';

// As in cloud-control-client.ts: the SDK's Node-version notice is for us, not for every user.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

/** What DescribeType says about a type that the engine uses. */
export interface TypeDescription {
  typeName: string;
  /** The resource provider schema, as JSON text. */
  schema: string;
  /** `NON_PROVISIONABLE`: no create handler Cloud Control could call; `IMMUTABLE`; `FULLY_MUTABLE`. */
  provisioningType?: string;
  /** The default version (AWS-published types have one per registry update). */
  versionId?: string;
  /** ISO time of the type's last registry update. */
  lastUpdated?: string;
}

export type DescribeType = (input: { region: string; typeName: string }) => Promise<TypeDescription>;

export interface DescribeTypeOptions {
  /** Fixed credentials; default: the standard credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Another CloudFormation endpoint; default: AWS. */
  endpoint?: string;
}

/** DescribeType through the AWS SDK, one client per region. */
export function sdkDescribeType(options: DescribeTypeOptions = {}): DescribeType {
  const clients = new Map<string, CloudFormationClient>();
  const clientFor = (region: string): CloudFormationClient => {
    let client = clients.get(region);
    if (!client) {
      client = new CloudFormationClient({
        region,
        ...(options.credentials ? { credentials: options.credentials } : {}),
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      });
      clients.set(region, client);
    }
    return client;
  };
  return async ({ region, typeName }) => {
    try {
      const out = await clientFor(region).send(new DescribeTypeCommand({ Type: 'RESOURCE', TypeName: typeName }));
      if (out.Schema === undefined) throw new Error(`DescribeType returned no schema for ${typeName} in ${region}`);
      const description: TypeDescription = { typeName: out.TypeName ?? typeName, schema: out.Schema };
      if (out.ProvisioningType !== undefined) description.provisioningType = out.ProvisioningType;
      if (out.DefaultVersionId !== undefined) description.versionId = out.DefaultVersionId;
      if (out.LastUpdated !== undefined) description.lastUpdated = out.LastUpdated.toISOString();
      return description;
    } catch (error) {
      throw toCloudError(error);
    }
  };
}
