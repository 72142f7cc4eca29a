/**
 * A schema fetched from AWS (DescribeType) laid over the bundled registry: the fetched schema
 * wins for what the registry says, the bundle keeps what only it knows (ARN templates, parents).
 */
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/schema/build-registry.js';
import type { CfnResourceSchema } from '../../src/schema/cfn-schema.js';
import { distilDescribed, provisionable, SchemaRegistry } from '../../src/schema/index.js';

const snapshot = new Map(readSnapshot().map((raw) => [raw.typeName, raw]));
const raw = (typeName: string): CfnResourceSchema => structuredClone(snapshot.get(typeName) as CfnResourceSchema);

describe('overlaying a fetched schema', () => {
  it('answers with the fetched schema, keeping the ARN template and parents of the bundle', () => {
    const registry = SchemaRegistry.load();
    const api = raw('AWS::ApiGatewayV2::Api');
    api.properties['Colour'] = { type: 'string', enum: ['red', 'blue'] };
    delete api.properties['Version'];
    const merged = registry.overlay(distilDescribed(JSON.stringify(api)));

    expect(registry.resolve('aws.apigatewayv2.apis')).toBe(merged);
    expect(merged.properties['Colour']?.type).toEqual({ kind: 'string', allowed: ['red', 'blue'] });
    expect(merged.properties).not.toHaveProperty('Version');
    expect(merged.arnTemplate).toBe(registry.bundled('AWS::ApiGatewayV2::Api')?.arnTemplate);
    expect(merged.arnTemplate).toContain('/apis/${ApiId}');

    const route = registry.overlay(distilDescribed(JSON.stringify(raw('AWS::ApiGatewayV2::Route'))));
    expect(route.parents.map((p) => p.targets[0]?.type)).toEqual(['AWS::ApiGatewayV2::Api']);
    // The bundle is untouched, and another registry never saw the overlay.
    expect(registry.bundled('AWS::ApiGatewayV2::Api')?.properties).toHaveProperty('Version');
    expect(SchemaRegistry.load().resolve('aws.apigatewayv2.apis').properties).not.toHaveProperty('Colour');
  });

  it('drops a parent whose property is no longer required and create-only', () => {
    const registry = SchemaRegistry.load();
    const route = raw('AWS::ApiGatewayV2::Route');
    route.createOnlyProperties = [];
    expect(registry.overlay(distilDescribed(JSON.stringify(route))).parents).toEqual([]);
  });

  it('makes a type newer than the snapshot known by both its names', () => {
    const registry = SchemaRegistry.load();
    expect(registry.find('aws.demo.widgets')).toBeUndefined();
    registry.overlay(
      distilDescribed(
        JSON.stringify({
          typeName: 'AWS::Demo::Widget',
          properties: { WidgetId: { type: 'string' }, Size: { type: 'integer' } },
          primaryIdentifier: ['/properties/WidgetId'],
          readOnlyProperties: ['/properties/WidgetId'],
          handlers: { create: {}, read: {}, delete: {} },
        }),
      ),
    );
    expect(registry.resolve('aws.demo.widgets').typeName).toBe('AWS::Demo::Widget');
    expect(registry.resolve('AWS::Demo::Widget').properties['Size']?.type).toEqual({ kind: 'integer' });
    expect(registry.resolve('aws.demo.widget').typeName).toBe('AWS::Demo::Widget');
  });

  it('takes NON_PROVISIONABLE from DescribeType over the handlers the schema lists', () => {
    const text = JSON.stringify(raw('AWS::ApiGatewayV2::Api'));
    expect(provisionable(distilDescribed(text, 'FULLY_MUTABLE'))).toBe(true);
    const refused = distilDescribed(text, 'NON_PROVISIONABLE');
    expect(provisionable(refused)).toBe(false);
    expect(refused.handlers).toEqual(['read', 'update', 'delete', 'list']);
  });

  it('consults an overlay source once per type, on first use', () => {
    const registry = SchemaRegistry.load();
    const asked: string[] = [];
    const route = distilDescribed(JSON.stringify(raw('AWS::ApiGatewayV2::Route')));
    route.writeOnly = [];
    registry.useOverlays((typeName) => {
      asked.push(typeName);
      return typeName === route.typeName ? route : undefined;
    });
    expect(registry.resolve('aws.apigatewayv2.routes').writeOnly).toEqual([]);
    expect(registry.resolve('aws.apigatewayv2.routes').writeOnly).toEqual([]);
    expect(registry.resolve('aws.apigatewayv2.apis').writeOnly).toContain('Body');
    expect(asked).toEqual(['AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::Api']);
  });
});
