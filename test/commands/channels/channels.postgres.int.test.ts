import { apiHarnessForFile } from '../http/apiHarness';
import { recordingChannels } from './channelHarness';
import { channelsSuite } from './channelsSuite';

const channels = recordingChannels();
const { harness } = apiHarnessForFile('channels', { channels: channels.settings });

channelsSuite('PostgreSQL', harness, () => channels);
