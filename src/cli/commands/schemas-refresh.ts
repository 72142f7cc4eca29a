import { command, flag } from '../command.js';
import { repeatable } from '../values.js';

export default command({
  name: 'schemas refresh',
  summary: "fetch the region's current resource schemas from the CloudFormation registry",
  description:
    'Fetches the current CloudFormation registry schema of each type (every bundled type unless ' +
    "--type is given) for a region into the user's cache, and reports how the region differs from " +
    'the bundled snapshot. Later runs for that region use what was fetched.',
  args: [],
  flags: [
    flag({
      name: 'region',
      value: 'REGION',
      description: 'the region (default: AWS_REGION, AWS_DEFAULT_REGION, else us-east-1)',
      default: undefined as string | undefined,
    }),
    flag({
      name: 'type',
      value: 'TYPE',
      description: 'only this type, e.g. AWS::ApiGatewayV2::Api or aws.apigatewayv2.apis (repeatable)',
      parse: repeatable,
      default: [] as readonly string[],
    }),
  ],
  example: 'deploy schemas refresh --region eu-west-1 --type AWS::ApiGatewayV2::Api',
  async run(options, io) {
    const { schemasCommand } = await import('./schemas.js');
    return schemasCommand(
      {
        action: 'refresh',
        ...(options.region !== undefined ? { region: options.region } : {}),
        types: [...options.type],
      },
      io,
    );
  },
});
