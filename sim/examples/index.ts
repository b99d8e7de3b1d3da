// Small models built from the engine alone: for learning the kernel, and for the CLI's demo.
export {
  runDeliveryStationWeek,
  type DeliveryStationWeekOptions,
  type DeliveryStationWeekResult,
} from './delivery-station-week.ts';
