#!/usr/bin/env bash
# The AWS CLI against the local cloud: create an API and an integration, read, patch, list and
# delete them. Start the local cloud first:  npx deploy local-cloud --port 4566
set -euo pipefail
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
cc() { aws --endpoint-url "${ENDPOINT:-http://127.0.0.1:4566}" cloudcontrol "$@"; }

# Create a WebSocket API. Its identifier is the ApiId the service generates, so, as in AWS, it
# is in the request's status once the create has succeeded (not in the first answer).
TOKEN=$(cc create-resource --type-name AWS::ApiGatewayV2::Api \
  --desired-state '{"Name":"demo","ProtocolType":"WEBSOCKET","RouteSelectionExpression":"$request.body.action"}' \
  --query ProgressEvent.RequestToken --output text)
cc wait resource-request-success --request-token "$TOKEN"
API_ID=$(cc get-resource-request-status --request-token "$TOKEN" --query ProgressEvent.Identifier --output text)
cc get-resource --type-name AWS::ApiGatewayV2::Api --identifier "$API_ID"

# Create an integration on it and wait for the request to finish.
TOKEN=$(cc create-resource --type-name AWS::ApiGatewayV2::Integration \
  --desired-state "{\"ApiId\":\"$API_ID\",\"IntegrationType\":\"MOCK\"}" \
  --query ProgressEvent.RequestToken --output text)
cc wait resource-request-success --request-token "$TOKEN"
INTEGRATION=$(cc get-resource-request-status --request-token "$TOKEN" --query ProgressEvent.Identifier --output text)

# Patch it, then list the API's integrations (listing integrations needs the ApiId).
TOKEN=$(cc update-resource --type-name AWS::ApiGatewayV2::Integration --identifier "$INTEGRATION" \
  --patch-document '[{"op":"add","path":"/TimeoutInMillis","value":10000}]' \
  --query ProgressEvent.RequestToken --output text)
cc wait resource-request-success --request-token "$TOKEN"
cc list-resources --type-name AWS::ApiGatewayV2::Integration --resource-model "{\"ApiId\":\"$API_ID\"}"

# Children first: the local cloud refuses to delete an API that still has integrations.
TOKEN=$(cc delete-resource --type-name AWS::ApiGatewayV2::Integration --identifier "$INTEGRATION" \
  --query ProgressEvent.RequestToken --output text)
cc wait resource-request-success --request-token "$TOKEN"
TOKEN=$(cc delete-resource --type-name AWS::ApiGatewayV2::Api --identifier "$API_ID" \
  --query ProgressEvent.RequestToken --output text)
cc wait resource-request-success --request-token "$TOKEN"
cc list-resources --type-name AWS::ApiGatewayV2::Api
