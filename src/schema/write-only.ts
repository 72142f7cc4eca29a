/**
 * Write-only properties per type. The service spec does not carry `writeOnlyProperties`, so the
 * ones the engine and emulator must know are listed here, from the CloudFormation registry
 * schemas (see shared/reference/cloud-control.md §7). A type not listed has none known.
 */
export const WRITE_ONLY: Record<string, string[]> = {
  'AWS::ApiGatewayV2::Api': [
    'Body',
    'BasePath',
    'BodyS3Location',
    'CredentialsArn',
    'FailOnWarnings',
    'RouteKey',
    'Target',
    'DisableSchemaValidation',
  ],
  'AWS::ApiGatewayV2::Route': ['AuthorizerId', 'RequestParameters'],
  'AWS::ApiGatewayV2::Deployment': ['StageName'],
};
