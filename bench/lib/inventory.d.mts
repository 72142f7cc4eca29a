/** Every ApiGatewayV2 resource the cloud at `endpoint` holds, as `Type identifier` strings. */
export function inventoryAt(endpoint: string): Promise<Set<string>>;
