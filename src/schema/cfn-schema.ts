/**
 * The parts of a CloudFormation resource provider schema (the registry's JSON Schema dialect,
 * `provider.definition.schema.v1.json`) that the engine distils. Everything is optional
 * because the registry's documents vary; unknown keys are ignored.
 */

/** A JSON Schema node as the registry writes them (properties, definitions, items…). */
export interface CfnNode {
  type?: string | string[];
  $ref?: string;
  properties?: Record<string, CfnNode>;
  patternProperties?: Record<string, CfnNode>;
  additionalProperties?: boolean | CfnNode;
  items?: CfnNode | CfnNode[];
  oneOf?: CfnNode[];
  anyOf?: CfnNode[];
  allOf?: CfnNode[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  default?: unknown;
  required?: string[];
  /** `false`: the array is a set; the service may return it in any order. */
  insertionOrder?: boolean;
  /** This property holds another type's property (e.g. a subnet id). */
  relationshipRef?: { typeName: string; propertyPath: string };
}

export interface CfnHandler {
  permissions?: string[];
  /** For `list`: what its ResourceModel must (or may) carry. */
  handlerSchema?: {
    properties?: Record<string, CfnNode>;
    required?: string[];
    oneOf?: { required?: string[] }[];
    anyOf?: { required?: string[] }[];
  };
}

export interface CfnResourceSchema {
  typeName: string;
  properties: Record<string, CfnNode>;
  definitions?: Record<string, CfnNode>;
  required?: string[];
  /** JSON pointers: `/properties/Name`, or nested `/properties/A/B` (`*` for every element). */
  primaryIdentifier?: string[];
  createOnlyProperties?: string[];
  readOnlyProperties?: string[];
  writeOnlyProperties?: string[];
  handlers?: Partial<Record<'create' | 'read' | 'update' | 'delete' | 'list', CfnHandler>> | undefined;
  tagging?: { taggable?: boolean; tagProperty?: string };
  /** The pre-`tagging` spelling (default true). */
  taggable?: boolean;
}
