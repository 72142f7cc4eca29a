/**
 * The typed operations a rendered StackQL statement stands for. They are what the planner and
 * the engine work with: no SQL text survives past the parser.
 */
import type { SchemaRegistry } from '../schema/index.js';

export interface StatementContext {
  /** File the statement came from, for error locations. */
  file: string;
  /** 1-based line in `file` where the statement text starts (the anchor block's `bodyLine`). */
  line: number;
  /** Manifest resource the statement belongs to. */
  resource?: string | undefined;
  registry: SchemaRegistry;
}

export type Operation = CreateOperation | UpdateOperation | DeleteOperation | SelectOperation;

interface OperationBase {
  /** CloudFormation type, e.g. `AWS::ApiGatewayV2::Integration`. */
  typeName: string;
  /** The StackQL name as written, e.g. `awscc.apigatewayv2.integrations`. */
  stackqlName: string;
  region: string;
}

export interface CreateOperation extends OperationBase {
  kind: 'create';
  /** Property → value, coerced by the schema type; values may hold unknown tokens. */
  desiredState: Record<string, unknown>;
  /** `RETURNING` columns (`['*']` for `RETURNING *`). */
  returning?: string[];
  /**
   * Property → line of its column in the INSERT, for error locations. Non-enumerable, so it
   * stays out of equality checks and serialised plans.
   */
  propertyLines?: Record<string, number>;
}

export interface UpdateOperation extends OperationBase {
  kind: 'update';
  /** Cloud Control identifier, e.g. `abc123|int456`. */
  identifier: string;
  /** The parsed JSON Patch array (paths relative to the schema's properties). */
  patch: unknown[];
  returning?: string[];
}

export interface DeleteOperation extends OperationBase {
  kind: 'delete';
  identifier: string;
  returning?: string[];
}

export interface SelectOperation extends OperationBase {
  kind: 'select';
  /** Present for a get (GetResource); absent for a list (ListResources). */
  identifier?: string;
  /** Columns as written (snake_case), `*`, or an expression's text such as `count(*)`. */
  columns: string[];
  /** Column → alias for `x AS y`. */
  aliases: Record<string, string>;
  /** Other `WHERE column = 'value'` pairs, column snake_case. */
  filters: Record<string, string>;
}
