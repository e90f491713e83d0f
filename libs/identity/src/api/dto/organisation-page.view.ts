import { ApiProperty } from '@nestjs/swagger';
import { OrganisationView } from './identity.dto';

/** A page of the directory (GET /organisations), as the OpenAPI document describes it. */
export class OrganisationPageView {
  @ApiProperty({ type: [OrganisationView] }) items: OrganisationView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
