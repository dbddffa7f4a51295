import type { JsonObject } from '@inr/domain';

/** A small valid pathway document: `target` signed-off thrombectomies as primary operator. */
export function testPathwayDocument(version: string, target: number): JsonObject {
  return {
    id: 'test-mt',
    version,
    title: 'Test MT pathway',
    issuingBody: 'projection tests',
    source: { citation: 'tests', readOn: '2025-01-01' },
    status: 'illustrative',
    parameters: {},
    requirements: [
      {
        id: 'mt-primary-signed',
        kind: 'cases',
        description: 'signed-off thrombectomies as primary operator',
        target: { value: target, confirmed: true, source: 'test' },
        filter: {
          procedures: ['mechanical-thrombectomy'],
          operatorRoles: ['primary-supervised', 'primary-independent'],
          signedOff: true,
        },
      },
    ],
  };
}
