import { Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';

/** Holds the document built once the app exists (it describes the app, so it cannot be a plain provider). */
@Injectable()
export class OpenApiHolder {
  document?: OpenAPIObject;
}
