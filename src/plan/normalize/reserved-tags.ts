/**
 * AWS reserves the tag-key prefix `aws:` (any case): no user can set or remove such a tag, and
 * CloudFormation, launch templates and other services stamp their own (`aws:cloudformation:
 * stack-name`, `aws:ec2launchtemplate:id`). They are never the user's, so never a change.
 * Tags come as a list of `{Key, Value}` or as a map from key to value.
 */
import { isPlainObject } from '../values.js';

export function isReservedTagKey(key: unknown): boolean {
  return typeof key === 'string' && key.toLowerCase().startsWith('aws:');
}

/** The tags without reserved ones; anything that is not a tag list or map is returned as is. */
export function withoutReservedTags(tags: unknown): unknown {
  if (Array.isArray(tags)) {
    const kept = tags.filter((tag) => !(isPlainObject(tag) && isReservedTagKey(tag['Key'])));
    return kept.length === tags.length ? tags : kept;
  }
  if (isPlainObject(tags)) {
    const keys = Object.keys(tags);
    if (!keys.some(isReservedTagKey)) return tags;
    return Object.fromEntries(keys.filter((k) => !isReservedTagKey(k)).map((k) => [k, tags[k]]));
  }
  return tags;
}

/**
 * Where tags live: the type's tag property, any member called `Tags` (nested ones, such as a
 * DynamoDB replica's, too), or a value typed as tags.
 */
export function isTagCollection(key: string | undefined, tagProperty: string | undefined, tagTyped: boolean): boolean {
  return tagTyped || (key !== undefined && (key === tagProperty || key === 'Tags'));
}
